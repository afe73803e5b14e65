package com.rms.pos.application;

import com.rms.customer.application.Customers;
import com.rms.menu.application.OutletMenus;
import com.rms.payment.application.Payments;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.security.CallerContext;
import com.rms.platform.validation.Validation;
import com.rms.pos.domain.Channel;
import com.rms.pos.domain.DiscountType;
import com.rms.pos.domain.LineStatus;
import com.rms.pos.domain.MenuSelling;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.domain.TableState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The commands on an order at the point of sale: created and extended against the outlet's menu as
 * sold ({@link MenuSelling}: server-side prices, modifier limits, availability) and its stock, versioned
 * (a stale {@code If-Match} is a 409 carrying the current order), fired to the kitchen, discounted,
 * voided with a manager's approval. Each command is one transaction; every change is announced on the
 * tenant's event stream after commit ({@link OrderEvents}). Settling is {@link QuickSales}', {@link Settlement}'s
 * and {@link Refunds}'; reading is {@link OrderQueries}'.
 */
@ApplicationScoped
@Transactional
public class Orders {

    /** The lines to add to an order (the body of {@code POST /orders/{id}/lines}). */
    public record AddLinesCommand(
            @NotEmpty(message = "must hold at least one line") @Size(max = 200, message = "at most 200 lines per request")
            List<@NotNull(message = "is required") @Valid LineCommand> lines) {
    }

    /** A discount to validate under its field name, as in an order. */
    public record DiscountField(@Valid DiscountCommand discount) {
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletMenus menus;

    @Inject
    OutletDirectory outlets;

    @Inject
    OrderStock stock;

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
    OrderEvents events;

    @Inject
    OrderQueries queries;

    @Inject
    OrderLocks locks;

    @Inject
    Completions completions;

    @Inject
    OrderTables tables;

    @Inject
    Validation validation;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Instance<OrderEditGuard> editGuards;

    /** A discount above this share of the subtotal (percent) needs a manager's approval. */
    @Inject
    @ConfigProperty(name = "rms.pos.discount.approval-percent", defaultValue = "10")
    BigDecimal approvalPercent;

    /**
     * Creates an order without tenders (a quick sale is {@link QuickSales}) in one transaction:
     * with {@code attempt} (its Idempotency-Key), the key's claim and answer commit with the order.
     */
    public OrderView create(CreateOrderCommand command, Attempt attempt) {
        if (attempt != null) {
            keys.claim(attempt);
        }
        // written once at the end (see Settlement): no query of this transaction needs the new order flushed
        em.setFlushMode(FlushModeType.COMMIT);
        Order order = open(command);
        // one flush writes the order and its lines (batched) and gives the version the answer carries
        em.flush();
        OrderView view = OrderView.of(order, List.of());
        events.announce(order, OrderEvents.CREATED);
        if (attempt != null) {
            keys.answer(attempt, 201, view);
        }
        return view;
    }

    /**
     * Checks the command (its tenders too: bad input changes nothing), sells its lines at the outlet,
     * checks their stock, and stores the order in the caller's transaction (not flushed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order open(CreateOrderCommand command) {
        validate(command);
        OutletView outlet = outlets.get(command.outletId());
        if (!outlet.active()) {
            throw new BusinessRuleException("outlet " + outlet.id() + " is not trading");
        }
        Channel channel = Inputs.valid(Channel.class, command.channel());
        if (command.tableId() != null) {
            outlets.table(outlet.id(), command.tableId(), channel == Channel.DINE_IN ? TableState.OCCUPIED : null);
        }
        if (command.customerId() != null) {
            customers.get(command.customerId());
        }
        Order order = new Order(outlet.id(), channel, command.tableId(), command.customerId(), outlet.currency(),
                CallerContext.current().username());
        List<OrderLine> lines = MenuSelling.sell(menus.sellable(outlet.id()), wanted(command.lines()), "lines");
        stock.require(outlet.id(), lines, List.of());
        lines.forEach(order::addLine);
        order.reprice();
        em.persist(order);
        if (command.discount() != null) {
            discount(order, command.discount(), command.managerPin());
        }
        return order;
    }

    private void validate(CreateOrderCommand command) {
        Validation.Errors errors = validation.check(command);
        if (command != null) {
            percent(errors, "discount.value", command.discount());
            List<TenderCommand> tenders = command.payments() == null ? List.of() : command.payments();
            for (int i = 0; i < tenders.size(); i++) {
                Tenders.requireToken(errors, "payments[" + i + "].", tenders.get(i));
            }
        }
        errors.throwIfAny();
        if (command.payments() != null) {
            command.payments().forEach(Tenders::requireAccepted);
        }
    }

    /** Adds lines to an open order; the stock check covers the whole order with the new lines. */
    public OrderView addLines(long id, Long expectedVersion, List<LineCommand> commands) {
        validation.check(new AddLinesCommand(commands)).throwIfAny();
        Order order = locks.change(id, expectedVersion);
        order.requireOpen();
        requireEditable(order);
        List<OrderLine> lines = MenuSelling.sell(menus.sellable(order.getOutletId()), wanted(commands), "lines");
        stock.require(order.getOutletId(), lines, order.activeLines());
        lines.forEach(order::addLine);
        order.reprice();
        return changed(order);
    }

    /** Voids a line (a reason is required; a line already sent to the kitchen needs a manager). */
    public OrderView voidLine(long id, long lineId, Long expectedVersion, VoidCommand command) {
        String reason = reason(command);
        Order order = locks.change(id, expectedVersion);
        order.requireOpen();
        requireEditable(order);
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
        return changed(order);
    }

    /** Fires the order's unsent lines to the kitchen (tickets per station and course), or fires held courses. */
    public OrderView send(long id, Long expectedVersion, SendCommand command) {
        Set<Integer> hold = command == null || command.hold() == null ? Set.of() : new HashSet<>(command.hold());
        Set<Integer> fire = command == null || command.fire() == null ? Set.of() : new HashSet<>(command.fire());
        Order order = locks.change(id, expectedVersion);
        order.requireOpen();
        int routed = kitchen.route(order, hold);
        int fired = kitchen.fire(order.getId(), fire);
        if (routed == 0 && fired == 0) {
            throw new BusinessRuleException("order " + id + " has nothing to send to the kitchen");
        }
        order.sent();
        return changed(order);
    }

    /** Voids an order that nothing was paid on; always needs a manager's approval. */
    public OrderView voidOrder(long id, VoidCommand command) {
        String reason = reason(command);
        Order order = locks.change(id, null);
        order.requireOpen();
        requireNoPaymentInProgress(order);
        String approvedBy = approvals.require(order.getOutletId(), command.managerPin(), "voiding an order");
        return voided(order, reason, approvedBy);
    }

    /**
     * Voids an unpaid order its channel withdrew: an online order rejected or cancelled (by the staff,
     * the partner or the auto-reject timer). The decision was taken by the online order's own rules,
     * so no manager's PIN is asked; the reason is recorded and audited, the kitchen's tickets voided and
     * any stock hold released, as with {@link #voidOrder}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderView withdraw(long id, String reason) {
        Order order = locks.change(id, null);
        order.requireOpen();
        requireNoPaymentInProgress(order);
        return voided(order, reason, null);
    }

    private OrderView voided(Order order, String reason, String approvedBy) {
        long id = order.getId();
        List<Long> tickets = order.activeLines().stream().map(OrderLine::getTicketId).filter(t -> t != null).distinct()
                .toList();
        BigDecimal total = order.getTotal();
        order.voided(reason, CallerContext.current().username());
        audit.record("order.void", "order:" + id, "total=" + total + " reason=" + reason, approvedBy);
        tickets.forEach(kitchen::lineVoided);
        stock.release(order.getOutletId(), completions.heldStockReference(id));
        tables.free(order);
        return changed(order);
    }

    /**
     * Sets, replaces or (with {@code null}) removes the discount of an open order; above the approval
     * threshold only with a manager's approval. The total may not fall below what was paid.
     */
    public OrderView discount(long id, Long expectedVersion, DiscountCommand command, String managerPin) {
        if (command != null) {
            Validation.Errors errors = validation.check(new DiscountField(command));
            percent(errors, "discount.value", command);
            errors.throwIfAny();
        }
        Order order = locks.change(id, expectedVersion);
        order.requireOpen();
        requireEditable(order);
        requireNoPaymentInProgress(order);
        if (command == null) {
            order.setDiscount(null, null, null, null);
            order.reprice();
            audit.record("order.discount", "order:" + id, "removed", null);
        } else {
            discount(order, command, managerPin);
        }
        return changed(order);
    }

    /** Names the customer of an open order (their loyalty points come with its completion), or removes them. */
    public OrderView customer(long id, Long expectedVersion, Long customerId) {
        Order order = locks.change(id, expectedVersion);
        if (customerId != null) {
            customers.get(customerId);
        }
        order.setCustomer(customerId);
        return changed(order);
    }

    /** The changed order, flushed (its new version), announced after commit. */
    public OrderView changed(Order order) {
        em.flush();
        OrderView view = queries.view(order);
        events.announce(order, OrderEvents.UPDATED);
        return view;
    }

    /** An order of another context's channel (ONLINE) changes only while that context allows it. */
    private void requireEditable(Order order) {
        if (order.getChannel() == Channel.ONLINE) {
            editGuards.forEach(g -> g.requireEditable(order.getId()));
        }
    }

    /** A card charge in flight was taken against this total: nothing may lower it until it is answered. */
    public void requireNoPaymentInProgress(Order order) {
        if (payments.inProgress(order.getId())) {
            throw new BusinessRuleException("a card payment of order " + order.getId()
                    + " is waiting for the provider; try again when it is answered");
        }
    }

    private void discount(Order order, DiscountCommand command, String managerPin) {
        DiscountType type = Inputs.valid(DiscountType.class, command.type());
        String reason = command.reason().trim();
        order.setDiscount(type, command.value(), reason, null);
        order.reprice();
        String approvedBy = null;
        if (order.discountPercent().compareTo(approvalPercent) > 0) {
            approvedBy = approvals.require(order.getOutletId(), managerPin,
                    "a discount above " + approvalPercent.stripTrailingZeros().toPlainString() + " %");
            order.setDiscount(type, command.value(), reason, approvedBy);
        }
        audit.record("order.discount", "order:" + order.getId(), type + " " + command.value() + " = "
                + order.getDiscountTotal() + " of " + order.getSubtotal() + " at outlet " + order.getOutletId()
                + " reason=" + reason, approvedBy);
    }

    /** A percentage is at most 100 (the rule that crosses two fields). */
    private static void percent(Validation.Errors errors, String field, DiscountCommand discount) {
        if (discount != null && discount.value() != null && discount.type() != null
                && "PERCENT".equalsIgnoreCase(discount.type().trim()) && discount.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(field, "a percentage must be at most 100");
        }
    }

    /** The reason of a void or re-opening, checked (400 naming {@code reason}) and trimmed. */
    public String reason(VoidCommand command) {
        validation.check(command == null ? new VoidCommand(null, null) : command).throwIfAny();
        return command.reason().trim();
    }

    private static List<MenuSelling.Wanted> wanted(List<LineCommand> lines) {
        return lines.stream().map(l -> new MenuSelling.Wanted(l.menuItemId(), l.quantity(), l.modifierIds(), l.note(),
                l.course() == null ? 1 : l.course())).toList();
    }
}
