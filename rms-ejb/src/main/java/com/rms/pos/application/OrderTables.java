package com.rms.pos.application;

import com.rms.pos.domain.Channel;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderStatus;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.domain.TableState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The table a dine-in order sits at: freed when the order is done (paid or voided) and no other is open there. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderTables {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletDirectory outlets;

    public void free(Order order) {
        if (order.getTableId() == null || order.getChannel() != Channel.DINE_IN) {
            return;
        }
        boolean othersOpen = em.createQuery("select count(o) from Order o where o.tableId = :t and o.id <> :id "
                + "and o.status in :open", Long.class).setParameter("t", order.getTableId())
                .setParameter("id", order.getId()).setParameter("open", List.of(OrderStatus.OPEN, OrderStatus.SENT))
                .getSingleResult() > 0;
        if (!othersOpen) {
            outlets.table(order.getOutletId(), order.getTableId(), TableState.FREE);
        }
    }
}
