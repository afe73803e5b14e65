package com.rms.pos.application;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.CallerContext;
import com.rms.pos.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The order a command changes, locked in the caller's transaction and checked against the caller's outlets. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderLocks {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OrderQueries queries;

    /**
     * The order to change, locked; a stale expected version is a 409 carrying the current order. Its
     * version is bumped with the change even when only its lines change.
     */
    public Order change(long id, Long expectedVersion) {
        Order order = lock(id);
        if (expectedVersion != null && expectedVersion != order.getVersion()) {
            throw new ConflictException("order " + id + " was changed (version " + order.getVersion()
                    + ", expected " + expectedVersion + "); merge with the current order and try again",
                    queries.view(order));
        }
        em.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return order;
    }

    /** The order to pay or refund, locked (the settling rules read its balance); its own change bumps its version. */
    public Order lock(long id) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !CallerContext.current().mayAccessOutlet(order.getOutletId())) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }
}
