package com.rms.pos.application;

import com.rms.customer.application.Customers;
import com.rms.inventory.application.StockAvailability;
import com.rms.menu.application.OutletMenus;
import com.rms.menu.application.SellableMenu;
import com.rms.payment.application.PaymentView;
import com.rms.payment.application.Payments;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.events.Events;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.outbox.Outbox;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.pos.domain.Channel;
import com.rms.pos.domain.DiscountType;
import com.rms.pos.domain.KitchenTicket;
import com.rms.pos.domain.LineStatus;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import com.rms.pos.domain.OrderStatus;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.domain.TableState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders at the point of sale: created and extended against the outlet's menu as sold (server-side
 * prices, modifier limits, availability and stock), priced by {@link com.rms.pos.domain.Pricing},
 * versioned (a stale {@code If-Match} is a 409 carrying the current order), fired to the kitchen,
 * voided with a manager's approval, and settled by the payment context. Every change is announced
 * on the tenant's event stream after commit; completion writes the side-effect events to the outbox
 * in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Orders {

    public static final String INVENTORY = "RMS.Inventory";
    public static final String ANALYTICS = "RMS.Analytics";
    public static final String LOYALTY = "RMS.Loyalty";

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletMenus menus;

    @Inject
    OutletDirectory outlets;

    @Inject
    StockAvailability stock;

    @Inject
    Payments payments;

    @Inject
    Kitchen kitchen;

    @Inject
    Approvals approvals;

    @Inject
    Customers customers;

    @Inject
    AuditTrail audit;

    @Inject
    Events events;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Completions completions;

    /** A discount above this share of the subtotal (percent) needs a manager's approval. */
    @Inject
    @ConfigProperty(name = "rms.pos.discount.approval-percent", defaultValue = "10")
    BigDecimal approvalPercent;

    /**
     * Creates an order (without its payments: a quick sale's tenders are taken by the caller
     * afterwards). When {@code idempotencyKey} is given, the answer is stored with the order, or, for a
     * quick sale, the key is linked to the order so that a retry continues on it (see QuickSales).
     */
    public OrderView create(CreateOrderCommand command, String idempotencyKey) {
        if (command == null) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError("body", "an order is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.outletId() == null) {
            errors.add(new FieldError("outletId", "is required"));
        }
        Channel channel = enumOf(Channel.class, command.channel(), "channel", errors, true);
        if (command.lines() == null || command.lines().isEmpty()) {
            errors.add(new FieldError("lines", "must hold at least one line"));
        } else {
            checkLines("lines", command.lines(), errors);
        }
        DiscountType discountType = checkDiscount(command.discount(), errors);
        throwIfAny(errors);
        OutletView outlet = outlets.get(command.outletId());
        if (!outlet.active()) {
            throw new BusinessRuleException("outlet " + outlet.id() + " is not trading");
        }
        if (command.tableId() != null) {
            outlets.table(outlet.id(), command.tableId(), null);
        }
        if (command.customerId() != null) {
            customers.get(command.customerId());
        }
        Caller caller = CallerContext.current();
        Order order = new Order(outlet.id(), channel, command.tableId(), command.customerId(), outlet.currency(),
                caller.username());
        SellableMenu menu = menus.sellable(outlet.id());
        List<OrderLine> lines = sellLines(menu, command.lines(), "lines");
        requireStock(outlet.id(), lines, List.of());
        lines.forEach(order::addLine);
        order.reprice();
        em.persist(order);
        if (discountType != null) {
            discount(order, discountType, command.discount(), command.managerPin());
        }
        em.flush();
        if (command.tableId() != null && channel == Channel.DINE_IN) {
            outlets.table(outlet.id(), command.tableId(), TableState.OCCUPIED);
        }
        OrderView view = view(order);
        announce(order, "order.created");
        if (idempotencyKey != null) {
            if (command.payments() != null && !command.payments().isEmpty()) {
                // a quick sale: its answer comes once the tenders are taken; until then a retry with
                // the key pays this order, it never creates another
                idempotency.resumeWith(idempotencyKey, order.getId());
            } else {
                idempotency.complete(idempotencyKey, 201, view);
            }
        }
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView get(long id) {
        return view(find(id));
    }

    /** The orders the caller may see, newest first, filtered by outlet, status and creation time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderView> list(Long outletId, String status, String from, String to, PageRequest paging) {
        List<FieldError> errors = new ArrayList<>();
        OrderStatus wanted = enumOf(OrderStatus.class, status, "status", errors, false);
        OffsetDateTime since = time("from", from, errors);
        OffsetDateTime until = time("to", to, errors);
        throwIfAny(errors);
        Caller caller = CallerContext.current();
        if (outletId != null && !caller.mayAccessOutlet(outletId)
                || outletId == null && caller.limitedToOutlets() && caller.outletIds().isEmpty()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (outletId != null) {
            where.append(" and o.outletId = :outlet");
        } else if (caller.limitedToOutlets()) {
            where.append(" and o.outletId in :outlets");
        }
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
            if (outletId != null) {
                q.setParameter("outlet", outletId);
            } else if (caller.limitedToOutlets()) {
                q.setParameter("outlets", caller.outletIds());
            }
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

    /** Adds lines to an open order; the stock check covers the whole order with the new lines. */
    public OrderView addLines(long id, Long expectedVersion, List<LineCommand> commands) {
        List<FieldError> errors = new ArrayList<>();
        if (commands == null || commands.isEmpty()) {
            errors.add(new FieldError("lines", "must hold at least one line"));
        } else {
            checkLines("lines", commands, errors);
        }
        throwIfAny(errors);
        Order order = change(id, expectedVersion);
        order.requireOpen();
        List<OrderLine> lines = sellLines(menus.sellable(order.getOutletId()), commands, "lines");
        requireStock(order.getOutletId(), lines, order.activeLines());
        lines.forEach(order::addLine);
        order.reprice();
        return changed(order, "order.updated");
    }

    /** Voids a line (a reason is required; a line already sent to the kitchen needs a manager). */
    public OrderView voidLine(long id, long lineId, Long expectedVersion, VoidCommand command) {
        String reason = reason(command == null ? null : command.reason());
        Order order = change(id, expectedVersion);
        order.requireOpen();
        OrderLine line = order.getLines().stream().filter(l -> l.getId() == lineId).findFirst()
                .orElseThrow(() -> new NotFoundException("no line " + lineId + " on order " + id));
        if (line.getStatus() == LineStatus.VOIDED) {
            throw new BusinessRuleException("line " + lineId + " is already voided");
        }
        requireNoPaymentInProgress(order);
        String approvedBy = null;
        if (line.isSent()) {
            approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "voiding a line sent to the kitchen");
        }
        line.voided(reason, CallerContext.current().username(), approvedBy);
        order.reprice();
        if (line.isSent()) {
            audit.record("order.line.void", "order:" + id, "line=" + lineId + " item=" + line.getSku() + " qty="
                    + line.getQuantity() + " amount=" + line.listAmount(order.scale()) + " reason=" + reason, approvedBy);
            kitchen.lineVoided(line.getTicketId());
        }
        return changed(order, "order.updated");
    }

    /** Fires the order's unsent lines to the kitchen (tickets per station and course), or fires held courses. */
    public OrderView send(long id, Long expectedVersion, SendCommand command) {
        Set<Integer> hold = command == null || command.hold() == null ? Set.of() : new HashSet<>(command.hold());
        Set<Integer> fire = command == null || command.fire() == null ? Set.of() : new HashSet<>(command.fire());
        Order order = change(id, expectedVersion);
        order.requireOpen();
        int routed = kitchen.route(order, hold);
        int fired = kitchen.fire(order.getId(), fire);
        if (routed == 0 && fired == 0) {
            throw new BusinessRuleException("order " + id + " has nothing to send to the kitchen");
        }
        order.sent();
        return changed(order, "order.updated");
    }

    /** Voids an order that nothing was paid on; always needs a manager's approval. */
    public OrderView voidOrder(long id, VoidCommand command) {
        String reason = reason(command == null ? null : command.reason());
        Order order = change(id, null);
        order.requireOpen();
        requireNoPaymentInProgress(order);
        String approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "voiding an order");
        List<Long> tickets = order.activeLines().stream().map(OrderLine::getTicketId).filter(t -> t != null).distinct()
                .toList();
        BigDecimal total = order.getTotal();
        order.voided(reason, CallerContext.current().username());
        audit.record("order.void", "order:" + id, "total=" + total + " reason=" + reason, approvedBy);
        tickets.forEach(kitchen::lineVoided);
        stock.release(order.getOutletId(), completions.heldStockReference(id));
        freeTable(order);
        return changed(order, "order.updated");
    }

    /**
     * Sets, replaces or (with {@code null}) removes the discount of an open order; above the approval
     * threshold only with a manager's approval. The total may not fall below what was paid.
     */
    public OrderView discount(long id, Long expectedVersion, DiscountCommand command, String managerPin) {
        List<FieldError> errors = new ArrayList<>();
        DiscountType type = checkDiscount(command, errors);
        throwIfAny(errors);
        Order order = change(id, expectedVersion);
        order.requireOpen();
        requireNoPaymentInProgress(order);
        if (type == null) {
            order.setDiscount(null, null, null, null);
            order.reprice();
            audit.record("order.discount", "order:" + id, "removed", null);
        } else {
            discount(order, type, command, managerPin);
        }
        return changed(order, "order.updated");
    }

    /** Names the customer of an open order (their loyalty points come with its completion), or removes them. */
    public OrderView customer(long id, Long expectedVersion, Long customerId) {
        Order order = change(id, expectedVersion);
        if (customerId != null) {
            customers.get(customerId);
        }
        order.setCustomer(customerId);
        return changed(order, "order.updated");
    }

    /**
     * Re-opens a completed order for a correction, with a manager's approval: its payments stay, the
     * completion's side effects are reversed (stock put back, sale and loyalty points taken back) and
     * applied again when the order completes again. Refused (409) while the completion's own side
     * effects are still being applied.
     */
    public OrderView reopen(long id, Long expectedVersion, VoidCommand command) {
        String reason = reason(command == null ? null : command.reason());
        Order order = change(id, expectedVersion);
        JsonObjectBuilder reversal = saleEvent(order);
        order.reopened();
        String approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "re-opening a paid order");
        Completions.Completion completion = completions.toReopen(id);
        reversal.add("stockReference", completion.stockReference()).add("completionEventId", completion.eventId())
                .add("reason", reason).add("reopenedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        String eventId = outbox.append("order.reopened", "order:" + id, reversal.build(), INVENTORY, ANALYTICS, LOYALTY);
        String by = CallerContext.current().username();
        completions.reopened(id, completion.seq(), by, approvedBy, reason, eventId);
        audit.record("order.reopen", "order:" + id, "total=" + order.getTotal() + " paid=" + order.getPaid()
                + " completion=" + completion.seq() + " reason=" + reason, approvedBy);
        return changed(order, "order.updated");
    }

    /** Completes an open order that has nothing left to pay (a re-opened order, or one discounted to nothing). */
    public OrderView close(long id, Long expectedVersion) {
        Order order = change(id, expectedVersion);
        requireNoPaymentInProgress(order);
        order.close();
        // like a settling tender, the completion holds its stock first (none is left: 422)
        stock.hold(order.getOutletId(), completions.nextStockReference(id), stockLines(order.activeLines()));
        em.flush();
        completed(order);
        OrderView view = view(order);
        announce(order, "order.completed");
        return view;
    }

    /**
     * Books a successful payment on an order in the payment's transaction, and completes the order
     * when its balance reaches zero: the completion's side-effect events are written to the outbox in
     * this same transaction. For the payment context only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order settle(long orderId, BigDecimal amount, BigDecimal tip) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order " + orderId);
        }
        em.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        boolean completed = order.paid(amount, tip);
        em.flush();
        if (completed) {
            completed(order);
            announce(order, "order.completed");
        } else {
            announce(order, "order.updated");
        }
        return order;
    }

    /** The completion's side effects, in the completing transaction: the table is freed, the sale goes to the outbox. */
    private void completed(Order order) {
        freeTable(order);
        int seq = completions.next(order.getId());
        String eventId = outbox.append("order.completed", "order:" + order.getId(), saleEvent(order)
                .add("stockReference", Completions.stockReference(order.getId(), seq)).build(), INVENTORY, ANALYTICS,
                LOYALTY);
        completions.completed(order.getId(), seq, eventId, order.getTotal(), order.getCompletedAt());
    }

    /** Books a refund on a completed order, in the refund's transaction, with its reversing events. For the payment context. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order refunded(long orderId, long refundId, BigDecimal amount, String reason) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order " + orderId);
        }
        em.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        BigDecimal refundableBefore = order.refundable();
        order.refunded(amount);
        em.flush();
        JsonObjectBuilder event = saleEvent(order).add("refundId", refundId).add("amount", amount)
                .add("refundable", refundableBefore).add("reason", reason);
        completions.of(orderId).stream().findFirst().ifPresent(c -> event.add("completionEventId", c.eventId()));
        outbox.append("order.refunded", "order:" + order.getId(), event.build(), ANALYTICS, LOYALTY);
        announce(order, "order.updated");
        return order;
    }

    /** The order for a payment or refund, locked, checked against the caller's outlets. For the payment context. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order lockForPayment(long orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !CallerContext.current().mayAccessOutlet(order.getOutletId())) {
            throw new NotFoundException("no order " + orderId);
        }
        return order;
    }

    /** The stock the order's active lines consume, as the inventory port sees them. */
    public static List<StockAvailability.OrderLine> stockLines(List<OrderLine> lines) {
        return lines.stream().map(l -> new StockAvailability.OrderLine(l.getMenuItemId(),
                l.chosenModifiers().stream().map(OrderLine.SoldModifier::id).toList(), l.getQuantity())).toList();
    }

    /** The sale as the side-effect consumers need it: outlet, staff, channel, customer and each active line. */
    static JsonObjectBuilder saleEvent(Order order) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (OrderLine l : order.activeLines()) {
            JsonArrayBuilder modifierIds = Json.createArrayBuilder();
            l.chosenModifiers().forEach(m -> modifierIds.add(m.id()));
            lines.add(Json.createObjectBuilder().add("lineId", l.getId()).add("menuItemId", l.getMenuItemId())
                    .add("sku", l.getSku()).add("name", l.getName()).add("categoryId", l.getCategoryId())
                    .add("categoryName", l.getCategoryName()).add("modifierIds", modifierIds)
                    .add("quantity", l.getQuantity()).add("net", l.getNet()).add("tax", l.getTax())
                    .add("gross", l.getNet().add(l.getTax())));
        }
        JsonObjectBuilder event = Json.createObjectBuilder().add("orderId", order.getId())
                .add("outletId", order.getOutletId()).add("number", String.valueOf(order.getId()))
                .add("channel", order.getChannel().name()).add("staff", order.getCreatedBy())
                .add("currency", order.getCurrency())
                .add("completedAt", order.getCompletedAt() == null ? "" : order.getCompletedAt().toString())
                .add("subtotal", order.getSubtotal()).add("discountTotal", order.getDiscountTotal())
                .add("taxTotal", order.getTaxTotal()).add("total", order.getTotal()).add("tips", order.getTips())
                .add("lines", lines);
        if (order.getCustomerId() == null) {
            event.addNull("customerId");
        } else {
            event.add("customerId", order.getCustomerId());
        }
        return event;
    }

    OrderView view(Order order) {
        return OrderView.of(order, payments.forOrders(List.of(order.getId())).getOrDefault(order.getId(), List.of()));
    }

    private Order find(long id) {
        Order order = em.find(Order.class, id);
        if (order == null || !CallerContext.current().mayAccessOutlet(order.getOutletId())) {
            throw new NotFoundException("no order " + id);
        }
        return order;
    }

    /** The order to change, locked; a stale expected version is a 409 carrying the current order. */
    private Order change(long id, Long expectedVersion) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !CallerContext.current().mayAccessOutlet(order.getOutletId())) {
            throw new NotFoundException("no order " + id);
        }
        if (expectedVersion != null && expectedVersion != order.getVersion()) {
            throw new ConflictException("order " + id + " was changed (version " + order.getVersion()
                    + ", expected " + expectedVersion + "); merge with the current order and try again", view(order));
        }
        em.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return order;
    }

    private OrderView changed(Order order, String eventType) {
        em.flush();
        OrderView view = view(order);
        announce(order, eventType);
        return view;
    }

    private void announce(Order order, String type) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", order.getId())
                .add("status", order.getStatus().name()).add("version", order.getVersion())
                .add("total", order.getTotal()).add("balance", order.balance());
        if (order.getTableId() == null) {
            data.addNull("tableId");
        } else {
            data.add("tableId", order.getTableId());
        }
        events.publish(order.getOutletId(), type, data.build());
    }

    /** A card charge in flight was taken against this total: nothing may lower it until it is answered. */
    private void requireNoPaymentInProgress(Order order) {
        if (payments.inProgress(order.getId())) {
            throw new BusinessRuleException("a card payment of order " + order.getId()
                    + " is waiting for the provider; try again when it is answered");
        }
    }

    private void freeTable(Order order) {
        if (order.getTableId() != null && order.getChannel() == Channel.DINE_IN) {
            boolean othersOpen = em.createQuery("select count(o) from Order o where o.tableId = :t and o.id <> :id "
                    + "and o.status in :open", Long.class).setParameter("t", order.getTableId())
                    .setParameter("id", order.getId()).setParameter("open", List.of(OrderStatus.OPEN, OrderStatus.SENT))
                    .getSingleResult() > 0;
            if (!othersOpen) {
                outlets.table(order.getOutletId(), order.getTableId(), TableState.FREE);
            }
        }
    }

    private void discount(Order order, DiscountType type, DiscountCommand command, String managerPin) {
        order.setDiscount(type, command.value(), command.reason().trim(), null);
        order.reprice();
        String approvedBy = null;
        if (order.discountPercent().compareTo(approvalPercent) > 0) {
            approvedBy = approvals.require(order.getOutletId(), managerPin,
                    "a discount above " + approvalPercent.stripTrailingZeros().toPlainString() + " %");
            order.setDiscount(type, command.value(), command.reason().trim(), approvedBy);
        }
        audit.record("order.discount", "order:" + order.getId(), type + " " + command.value() + " = " + order.getDiscountTotal()
                + " of " + order.getSubtotal() + " at outlet " + order.getOutletId() + " reason=" + command.reason().trim(),
                approvedBy);
    }

    /** Builds lines from the outlet's menu as sold; what the client says about prices is never read. */
    private List<OrderLine> sellLines(SellableMenu menu, List<LineCommand> commands, String field) {
        List<OrderLine> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            LineCommand c = commands.get(i);
            String at = field + "[" + i + "]";
            SellableMenu.Item item = menu.item(c.menuItemId()).orElse(null);
            if (item == null) {
                errors.add(new FieldError(at + ".menuItemId", "item " + c.menuItemId() + " is not on this outlet's menu"));
                continue;
            }
            if (!item.available()) {
                errors.add(new FieldError(at + ".menuItemId", item.name() + " is not available at this outlet"));
                continue;
            }
            List<Long> chosenIds = c.modifierIds() == null ? List.of() : c.modifierIds();
            Map<Long, SellableMenu.Modifier> offered = new LinkedHashMap<>();
            Map<Long, SellableMenu.Group> groupOf = new LinkedHashMap<>();
            item.groups().forEach(g -> g.modifiers().forEach(m -> {
                offered.put(m.id(), m);
                groupOf.put(m.id(), g);
            }));
            List<OrderLine.SoldModifier> chosen = new ArrayList<>();
            Map<Long, Integer> perGroup = new LinkedHashMap<>();
            BigDecimal unitPrice = item.price();
            boolean valid = true;
            for (Long modifierId : chosenIds) {
                SellableMenu.Modifier m = modifierId == null ? null : offered.get(modifierId);
                if (m == null) {
                    errors.add(new FieldError(at + ".modifierIds", "modifier " + modifierId + " is not offered with "
                            + item.name()));
                    valid = false;
                    continue;
                }
                chosen.add(new OrderLine.SoldModifier(m.id(), m.name(), m.priceDelta()));
                perGroup.merge(groupOf.get(modifierId).id(), 1, Integer::sum);
                unitPrice = unitPrice.add(m.priceDelta());
            }
            if (new HashSet<>(chosenIds).size() != chosenIds.size()) {
                errors.add(new FieldError(at + ".modifierIds", "a modifier may be chosen once per portion"));
                valid = false;
            }
            for (SellableMenu.Group g : item.groups()) {
                int count = perGroup.getOrDefault(g.id(), 0);
                if (count < g.min() || count > g.max()) {
                    errors.add(new FieldError(at + ".modifierIds", g.name() + ": choose " + (g.min() == g.max()
                            ? String.valueOf(g.min()) : g.min() + " to " + g.max()) + " (chosen " + count + ")"));
                    valid = false;
                }
            }
            if (valid) {
                lines.add(new OrderLine(item.id(), item.sku(), item.name(), item.categoryId(), item.categoryName(),
                        item.station(), c.course() == null ? 1 : c.course(), c.quantity(), unitPrice, chosen,
                        c.note() == null || c.note().isBlank() ? null : c.note().trim(), item.taxRateId(), item.taxRate(),
                        item.taxInclusive()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BusinessRuleException("some lines cannot be sold at this outlet", errors);
        }
        return lines;
    }

    /** Refuses lines the outlet cannot make with the order's other active lines (422 per short line). */
    private void requireStock(long outletId, List<OrderLine> added, List<OrderLine> existing) {
        List<OrderLine> all = new ArrayList<>(existing);
        all.addAll(added);
        List<StockAvailability.Shortage> shortages = stock.check(outletId, stockLines(all));
        if (!shortages.isEmpty()) {
            throw new BusinessRuleException("insufficient stock", shortages.stream().map(s -> new FieldError(
                    "lines[" + Math.max(0, s.line() - existing.size()) + "]", "not enough " + s.sku() + ": needs "
                            + s.required().stripTrailingZeros().toPlainString() + ", has "
                            + s.available().stripTrailingZeros().toPlainString())).collect(Collectors.toList()));
        }
    }

    private static void checkLines(String field, List<LineCommand> lines, List<FieldError> errors) {
        if (lines.size() > 200) {
            errors.add(new FieldError(field, "at most 200 lines per request"));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            LineCommand l = lines.get(i);
            String at = field + "[" + i + "]";
            if (l == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            if (l.menuItemId() == null) {
                errors.add(new FieldError(at + ".menuItemId", "is required"));
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > 999) {
                errors.add(new FieldError(at + ".quantity", "must be between 1 and 999"));
            }
            if (l.modifierIds() != null && l.modifierIds().size() > 30) {
                errors.add(new FieldError(at + ".modifierIds", "at most 30 modifiers"));
            }
            if (l.note() != null && l.note().length() > 200) {
                errors.add(new FieldError(at + ".note", "at most 200 characters"));
            }
            if (l.course() != null && (l.course() < 1 || l.course() > 9)) {
                errors.add(new FieldError(at + ".course", "must be between 1 and 9"));
            }
        }
    }

    private static DiscountType checkDiscount(DiscountCommand discount, List<FieldError> errors) {
        if (discount == null) {
            return null;
        }
        DiscountType type = enumOf(DiscountType.class, discount.type(), "discount.type", errors, true);
        if (discount.value() == null || discount.value().signum() <= 0) {
            errors.add(new FieldError("discount.value", "must be greater than 0"));
        } else if (type == DiscountType.PERCENT && discount.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("discount.value", "a percentage must be at most 100"));
        } else if (discount.value().scale() > 3 || discount.value().precision() - discount.value().scale() > 10) {
            errors.add(new FieldError("discount.value", "is out of range"));
        }
        if (discount.reason() == null || discount.reason().isBlank() || discount.reason().length() > 200) {
            errors.add(new FieldError("discount.reason", "is required (at most 200 characters)"));
        }
        return type;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError("reason", "is required (at most 200 characters)")));
        }
        return reason.trim();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<FieldError> errors,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
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

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException("the request has invalid fields", errors);
        }
    }
}
