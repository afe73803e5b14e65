package com.rms.pos.application;

import com.rms.payment.application.PaymentView;
import com.rms.payment.application.Payments;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.OutletScope;
import com.rms.platform.text.Money;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading orders: one order, or the orders the caller may see, each with its tenders (no transaction of its own). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Payments payments;

    /** The order, if the caller may see it (another outlet's or tenant's is 404). */
    public OrderView get(long id) {
        return view(find(id));
    }

    /** An order's total as {@link OrderView#total} shows it, in its currency. */
    public record Total(BigDecimal total, String currency) {}

    /**
     * The totals of these orders by id, in one query, for a list of things that each refer to an order
     * (online orders): the caller's context has already decided which of them it may see.
     */
    public Map<Long, Total> totals(Collection<Long> ids) {
        Map<Long, Total> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        em.createQuery("select o.id, o.total, o.currency from Order o where o.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> totals.put((Long) row[0], new Total(Money.scaled((BigDecimal) row[1], (String) row[2]),
                        (String) row[2])));
        return totals;
    }

    /** The orders the caller may see, newest first, filtered by outlet, status and creation time. */
    public Page<OrderView> list(Long outletId, String status, String from, String to, PageRequest paging) {
        List<FieldError> errors = new ArrayList<>();
        OrderStatus wanted = Inputs.enumOf(OrderStatus.class, status, "status", errors, false);
        OffsetDateTime since = time("from", from, errors);
        OffsetDateTime until = time("to", to, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("the request has invalid fields", errors);
        }
        OutletScope outlets = OutletScope.of(CallerContext.current(), outletId);
        if (outlets.none()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1").append(outlets.condition());
        if (wanted != null) {
            where.append(" and o.status = :status");
        }
        if (since != null) {
            where.append(" and o.createdAt >= :from");
        }
        if (until != null) {
            where.append(" and o.createdAt < :to");
        }
        TypedQuery<Order> query = em.createQuery("select o from Order o" + where + " order by o.createdAt desc, o.id desc",
                Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            outlets.bind(q);
            if (wanted != null) {
                q.setParameter("status", wanted);
            }
            if (since != null) {
                q.setParameter("from", since);
            }
            if (until != null) {
                q.setParameter("to", until);
            }
        }
        List<Order> found = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<Long, List<PaymentView>> tenders = payments.forOrders(found.stream().map(Order::getId).toList());
        return new Page<>(found.stream().map(o -> OrderView.of(o, tenders.getOrDefault(o.getId(), List.of()))).toList(),
                paging.page(), paging.size(), count.getSingleResult());
    }

    /**
     * The check still open at a table of the outlet (the newest, should there be two), if the caller may
     * see the outlet: the one a terminal opened at that table goes on with it instead of starting another.
     */
    public Optional<OrderView> openAt(long outletId, long tableId) {
        if (!CallerContext.current().mayAccessOutlet(outletId)) {
            return Optional.empty();
        }
        List<OrderStatus> open = Arrays.stream(OrderStatus.values()).filter(OrderStatus::open).toList();
        return em.createQuery("select o from Order o where o.outletId = :outlet and o.tableId = :table and o.status in :open"
                + " order by o.createdAt desc, o.id desc", Order.class).setParameter("outlet", outletId)
                .setParameter("table", tableId).setParameter("open", open).setMaxResults(1).getResultStream()
                .findFirst().map(this::view);
    }

    /**
     * How many orders are open (taking lines or sent to the kitchen) at the outlet now, for the
     * dashboard; the caller has checked that the outlet's figures may be read.
     */
    public long openCount(long outletId) {
        List<OrderStatus> open = Arrays.stream(OrderStatus.values()).filter(OrderStatus::open).toList();
        return em.createQuery("select count(o) from Order o where o.outletId = :outlet and o.status in :open", Long.class)
                .setParameter("outlet", outletId).setParameter("open", open).getSingleResult();
    }

    /** The order as the API shows it, with its tenders as recorded. */
    public OrderView view(Order order) {
        return OrderView.of(order, payments.forOrders(List.of(order.getId())).getOrDefault(order.getId(), List.of()));
    }

    /** The order if the caller may see it, else 404 (for this context's reads, such as its receipt). */
    Order find(long id) {
        Order order = em.find(Order.class, id);
        if (order == null || !CallerContext.current().mayAccessOutlet(order.getOutletId())) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }

    private static OffsetDateTime time(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 time with offset, such as 2025-01-31T18:00:00+01:00"));
            return null;
        }
    }
}
