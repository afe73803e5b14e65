package com.rms.online.application;

import com.rms.online.domain.OnlineOrderStatus;
import com.rms.platform.error.BusinessRuleException;
import com.rms.pos.application.OrderEditGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Set;

/**
 * The staff edit an online order's point-of-sale order (lines, discount) like any order until it is
 * READY (API.md); from READY on the customer's order is packed, so a change is refused (422).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OnlineOrderEditGuard implements OrderEditGuard {

    private static final Set<OnlineOrderStatus> EDITABLE = EnumSet.of(OnlineOrderStatus.RECEIVED,
            OnlineOrderStatus.ACCEPTED, OnlineOrderStatus.PREPARING);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Override
    public void requireEditable(long orderId) {
        em.createQuery("select o.id, o.status from OnlineOrder o where o.orderId = :order", Object[].class)
                .setParameter("order", orderId).getResultStream().findFirst().ifPresent(row -> {
                    if (!EDITABLE.contains((OnlineOrderStatus) row[1])) {
                        throw new BusinessRuleException("online order " + row[0] + " is " + row[1]
                                + ": its order can no longer be changed");
                    }
                });
    }
}
