package com.rms.online.application;

import com.rms.online.domain.Fulfilment;
import com.rms.online.domain.OnlineOrder;
import com.rms.online.domain.OnlineOrderStatus;
import com.rms.online.domain.OnlinePayment;
import com.rms.online.domain.Partner;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.events.Events;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.OutletScope;
import com.rms.platform.security.Role;
import com.rms.platform.validation.Validation;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Online orders: received from a partner's signed request and stored as a point-of-sale order of
 * channel {@code ONLINE} (sold, priced and stock-checked by pos's {@link Orders}, so an online order is
 * an order) with its online-order record; then accepted (the order goes to the kitchen only now),
 * rejected, cancelled and moved along by the rules of {@link OnlineOrderStatus}. A partner's reference
 * names one online order: its requests are taken one at a time under the partner's row lock, so a repeat
 * (even a concurrent one) finds the first and never makes a second order, and the unique
 * {@code (partner_id, external_ref)} backs that up. A RECEIVED order not accepted by its {@code acceptBy}
 * is rejected by {@link OnlineOrderTimer}. Every change is announced on the tenant's event stream after
 * commit ({@code online-order.received}, {@code online-order.updated}).
 */
@ApplicationScoped
@Transactional
public class OnlineOrders {

    static final String RECEIVED = "online-order.received";
    static final String UPDATED = "online-order.updated";
    static final String AUTO_REJECTED = "not accepted in time";

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Orders orders;

    @Inject
    OrderQueries orderQueries;

    @Inject
    Validation validation;

    @Inject
    Events events;

    @Inject
    OnlineOutletSettings settings;

    @Inject
    IdempotencyKeys keys;

    Clock clock = Clock.systemUTC();

    /** A received online order, and whether this request made it (201) or found the one its reference names (200). */
    public record Received(OnlineOrderView order, boolean created) {
    }

    /**
     * Receives a partner's order: the same reference again is the same online order when the request is
     * the same (200) and a 409 when it is not; an outlet the partner may not use is a 404; bad fields a 400
     * naming them; unknown or unavailable items and stock shortages 422 naming the lines (from pos).
     * With {@code attempt} (an optional Idempotency-Key), the key's claim and answer commit with it.
     */
    public Received receive(OnlineOrderCommand command, Attempt attempt) {
        if (attempt != null) {
            keys.claim(attempt);
        }
        Caller caller = CallerContext.current();
        long partnerId = PartnerCallers.partnerId(caller);
        OnlineOrder.Details details = validate(command);
        String fingerprint = command.fingerprint();
        // one request of a partner at a time: a concurrent repeat waits here and then finds the first
        Partner partner = em.find(Partner.class, partnerId, LockModeType.PESSIMISTIC_WRITE);
        if (partner == null || !partner.isActive()) {
            throw new AuthorizationException("the partner is no longer active");
        }
        String ref = command.externalRef().trim();
        OnlineOrder earlier = byReference(partnerId, ref);
        if (earlier != null) {
            if (!earlier.sameRequest(fingerprint)) {
                throw new ConflictException("externalRef " + ref
                        + " names an online order with another request; use a new reference for a new order");
            }
            return answered(attempt, new Received(view(earlier), false));
        }
        if (!caller.outletIds().contains(command.outletId()) || !partner.getOutletIds().contains(command.outletId())) {
            throw new NotFoundException("no outlet " + command.outletId());
        }
        if (details.paymentMethod() != OnlinePayment.CASH_ON_DELIVERY) {
            throw new BusinessRuleException(details.paymentMethod() + " online payments are not supported yet; "
                    + "send CASH_ON_DELIVERY", List.of(new FieldError("payment.method", "not supported yet")));
        }
        OrderView order = orders.create(new CreateOrderCommand(command.outletId(), "ONLINE", null, null, command.lines(),
                null, null, null), null);
        OffsetDateTime now = now();
        OnlineOutletSettings.Setting setting = settings.of(command.outletId());
        OffsetDateTime readyAt = now.plusMinutes(setting.readyMinutes());
        if (details.requestedAt() != null && details.requestedAt().isAfter(readyAt)) {
            readyAt = details.requestedAt();
        }
        OnlineOrder online = new OnlineOrder(partnerId, ref, fingerprint, order.id(), command.outletId(), details,
                now.plusMinutes(setting.acceptMinutes()), readyAt);
        em.persist(online);
        em.flush();
        // read back as stored (createdAt at the database's precision): a repeat's answer is then this one
        em.refresh(online);
        OnlineOrderView view = OnlineOrderView.of(online, order);
        announce(RECEIVED, view);
        return answered(attempt, new Received(view, true));
    }

    /** With an Idempotency-Key, its answer (201 or 200 and the online order) commits with the work. */
    private Received answered(Attempt attempt, Received received) {
        if (attempt != null) {
            keys.answer(attempt, received.created() ? 201 : 200, received.order());
        }
        return received;
    }

    /** An online order: staff of its outlet, or the partner that sent it; anyone else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OnlineOrderView get(long id) {
        return view(find(id, false));
    }

    /** The online orders the caller's outlets received, newest first, by outlet and status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OnlineOrderView> list(Long outletId, String status, PageRequest paging) {
        OnlineOrderStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OnlineOrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("the request has invalid fields", List.of(new FieldError("status",
                        "must be one of " + List.of(OnlineOrderStatus.values()))));
            }
        }
        OutletScope outlets = OutletScope.of(CallerContext.current(), outletId);
        if (outlets.none()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1").append(outlets.condition());
        if (wanted != null) {
            where.append(" and o.status = :status");
        }
        TypedQuery<OnlineOrder> query = em.createQuery("select o from OnlineOrder o" + where
                + " order by o.createdAt desc, o.id desc", OnlineOrder.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from OnlineOrder o" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            outlets.bind(q);
            if (wanted != null) {
                q.setParameter("status", wanted);
            }
        }
        List<OnlineOrder> found = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<Long, OrderQueries.Total> totals = orderQueries.totals(found.stream().map(OnlineOrder::getOrderId).toList());
        List<OnlineOrderView> items = found.stream().map(o -> OnlineOrderView.of(o, totals.get(o.getOrderId()))).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /**
     * Accepts a RECEIVED order and sends it to the kitchen (pos {@link Orders#send}): before this the
     * kitchen sees nothing of it. {@code readyInMinutes} sets the promised time, else the estimate stands.
     */
    public OnlineOrderView accept(long id, AcceptCommand command) {
        AcceptCommand accept = command == null ? new AcceptCommand(null) : command;
        validation.check(accept).throwIfAny();
        OnlineOrder online = find(id, true);
        online.requireMove(OnlineOrderStatus.ACCEPTED);
        OffsetDateTime now = now();
        OffsetDateTime readyAt = accept.readyInMinutes() != null ? now.plusMinutes(accept.readyInMinutes())
                : online.getEstimatedReadyAt().isBefore(now) ? now : online.getEstimatedReadyAt();
        online.accept(readyAt, by());
        OrderView order = orders.send(online.getOrderId(), null, null);
        return changed(online, order);
    }

    /** Rejects a RECEIVED order with a reason: its point-of-sale order is voided with that reason. */
    public OnlineOrderView reject(long id, ReasonCommand command) {
        String reason = reason(command);
        OnlineOrder online = find(id, true);
        online.reject(reason, by());
        return changed(online, orders.withdraw(online.getOrderId(), "online order rejected: " + reason));
    }

    /** The partner cancels its own order before it is READY (409 after); its point-of-sale order is voided. */
    public OnlineOrderView cancel(long id, ReasonCommand command) {
        PartnerCallers.partnerId(CallerContext.current());
        String reason = reason(command);
        OnlineOrder online = find(id, true);
        online.cancel(reason, by());
        return changed(online, orders.withdraw(online.getOrderId(), "online order cancelled by the partner: " + reason));
    }

    /**
     * The staff move an order along (PREPARING, READY, COMPLETED), or a manager cancels it (CANCELLED,
     * with a reason) before it is READY.
     */
    public OnlineOrderView status(long id, StatusCommand command) {
        validation.check(command == null ? new StatusCommand(null, null) : command).throwIfAny();
        OnlineOrderStatus next = OnlineOrderStatus.valueOf(command.status().trim().toUpperCase(Locale.ROOT));
        OnlineOrder online = find(id, true);
        if (next == OnlineOrderStatus.CANCELLED) {
            Caller caller = CallerContext.current();
            if (!caller.has(Role.MANAGER) && !caller.has(Role.OWNER)) {
                throw new AuthorizationException("only a manager cancels an online order");
            }
            String reason = reason(new ReasonCommand(command.reason()));
            online.cancel(reason, by());
            return changed(online, orders.withdraw(online.getOrderId(), "online order cancelled by a manager: " + reason));
        }
        online.progress(next, by());
        return changed(online, orderQueries.get(online.getOrderId()));
    }

    /** The ids of the current tenant's RECEIVED orders whose time to accept ran out at {@code now}, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> overdue(OffsetDateTime now, int limit) {
        return em.createQuery("select o.id from OnlineOrder o where o.status = :received and o.acceptBy <= :now"
                + " order by o.acceptBy, o.id", Long.class).setParameter("received", OnlineOrderStatus.RECEIVED)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /**
     * Rejects one overdue order, if it still is: the conditional update claims it (a second server's, or a
     * staff member's accept that came first, finds it no longer RECEIVED and changes nothing), then its
     * point-of-sale order is voided in the same transaction. @return whether this call rejected it
     */
    public boolean autoReject(long id, OffsetDateTime now) {
        int claimed = em.createQuery("update OnlineOrder o set o.status = :rejected, o.reason = :reason,"
                + " o.changedBy = :by, o.version = o.version + 1, o.updatedAt = :now"
                + " where o.id = :id and o.status = :received and o.acceptBy <= :now")
                .setParameter("rejected", OnlineOrderStatus.REJECTED).setParameter("reason", AUTO_REJECTED)
                .setParameter("by", by()).setParameter("now", now).setParameter("id", id)
                .setParameter("received", OnlineOrderStatus.RECEIVED).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        OnlineOrder online = em.find(OnlineOrder.class, id);
        em.refresh(online);
        OrderView order = orders.withdraw(online.getOrderId(), "online order rejected: " + AUTO_REJECTED);
        announce(UPDATED, OnlineOrderView.of(online, order));
        return true;
    }

    private OnlineOrderView changed(OnlineOrder online, OrderView order) {
        em.flush();
        OnlineOrderView view = OnlineOrderView.of(online, order);
        announce(UPDATED, view);
        return view;
    }

    private void announce(String type, OnlineOrderView view) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", view.id()).add("orderId", view.orderId())
                .add("externalRef", view.externalRef()).add("status", view.status())
                .add("estimatedReadyAt", view.estimatedReadyAt().toString()).add("total", view.total());
        events.publish(view.outletId(), type, data.build());
    }

    private OnlineOrderView view(OnlineOrder online) {
        return OnlineOrderView.of(online, orderQueries.get(online.getOrderId()));
    }

    /** The online order if the caller may see it: a partner only its own, staff only their outlets'; else 404. */
    private OnlineOrder find(long id, boolean lock) {
        OnlineOrder online = lock ? em.find(OnlineOrder.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(OnlineOrder.class, id);
        Caller caller = CallerContext.current();
        boolean visible = online != null && (caller.has(Role.PARTNER)
                ? online.getPartnerId() == PartnerCallers.partnerId(caller)
                : caller.mayAccessOutlet(online.getOutletId()));
        if (!visible) {
            throw new NotFoundException("no online order " + id);
        }
        return online;
    }

    private OnlineOrder byReference(long partnerId, String ref) {
        return em.createQuery("select o from OnlineOrder o where o.partnerId = :partner and o.externalRef = :ref",
                OnlineOrder.class).setParameter("partner", partnerId).setParameter("ref", ref).getResultStream()
                .findFirst().orElse(null);
    }

    private String reason(ReasonCommand command) {
        ReasonCommand c = command == null ? new ReasonCommand(null) : command;
        validation.check(c).throwIfAny();
        return c.reason().trim();
    }

    private static String by() {
        return CallerContext.current().username();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Bean Validation, then the rules across fields: a delivery needs an address, requestedAt is a time. */
    private OnlineOrder.Details validate(OnlineOrderCommand command) {
        Validation.Errors errors = validation.check(command);
        if (command == null) {
            errors.throwIfAny();
        }
        OffsetDateTime requestedAt = null;
        if (command.requestedAt() != null && !command.requestedAt().isBlank()) {
            try {
                requestedAt = OffsetDateTime.parse(command.requestedAt().trim()).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.add("requestedAt", "must be an ISO-8601 time with offset, such as 2025-01-31T18:00:00+01:00");
            }
        }
        if (command.fulfilment() != null && "DELIVERY".equalsIgnoreCase(command.fulfilment().trim())
                && (command.address() == null || command.address().isBlank())) {
            errors.add("address", "is required for a DELIVERY");
        }
        if (command.payment() != null && command.payment().method() != null
                && "CARD".equalsIgnoreCase(command.payment().method().trim())
                && (command.payment().cardToken() == null || command.payment().cardToken().isBlank())) {
            errors.add("payment.cardToken", "the card provider's token is required for a card payment");
        }
        errors.throwIfAny();
        OnlineOrderCommand.Customer customer = command.customer();
        return new OnlineOrder.Details(customer.name().trim(), blankToNull(customer.phone()),
                blankToNull(customer.email()), Fulfilment.valueOf(command.fulfilment().trim().toUpperCase(Locale.ROOT)),
                blankToNull(command.address()), requestedAt, blankToNull(command.notes()),
                OnlinePayment.valueOf(command.payment().method().trim().toUpperCase(Locale.ROOT)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
