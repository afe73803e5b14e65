package com.rms.pos.sale;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.TicketView;
import com.rms.pos.terminal.PosSession;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The check a sale screen shows, one per view and shared by the screen and its dialogs: the order as
 * the server last answered it, with what it allows now, and the table and customer chosen before it
 * exists. Every change goes to the application services at once with the last version seen; a check
 * changed meanwhile on another device is reloaded and said so, not overwritten.
 */
@ViewScoped
public class CurrentCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Orders orders;

    @Inject
    OrderQueries queries;

    @Inject
    Kitchen kitchen;

    @Inject
    PosSession session;

    @Inject
    SaleScreen screen;

    private Long orderId;
    /** The table and the customer chosen for the check about to be created (once it exists, its own count). */
    private Long tableId;
    private Long customerId;

    /** Read from the services, never kept with the view: reloaded whenever missing. */
    private transient OrderView order;
    private transient List<Integer> heldCourses;

    /** Shows the check {@code id}; another outlet's or tenant's is not this terminal's: the same answer as none at all. */
    public void open(long id) {
        try {
            changed(queries.get(id));
        } catch (NotFoundException unknown) {
            screen.tell(FacesMessage.SEVERITY_WARN, "There is no check " + id + " at " + session.getOutletName() + ".");
        }
    }

    /** Goes on with the check open at {@code table}, or starts the next one there. */
    public void openAt(long table) {
        tableId = table;
        queries.openAt(session.getOutletId(), table).ifPresent(this::changed);
    }

    /** Reads the check again, e.g. when the events socket says another device changed it. */
    public void reload() {
        order = orderId == null ? null : queries.get(orderId);
        heldCourses = null;
    }

    /** Shows {@code now}, the check as the server answered a change. */
    public void changed(OrderView now) {
        order = now;
        orderId = now.id();
        heldCourses = null;
    }

    /**
     * Runs a change of the check and shows the check it answers; a stale version reloads the check and
     * says so instead of overwriting it, a refusal says why.
     */
    public boolean change(Supplier<OrderView> change) {
        try {
            changed(change.get());
            return true;
        } catch (ConflictException conflict) {
            reload();
            screen.tell(FacesMessage.SEVERITY_WARN, explain(conflict));
        } catch (NotFoundException gone) {
            screen.tell(FacesMessage.SEVERITY_ERROR, gone.getMessage());
        } catch (RmsException refused) {
            reload();
            screen.tell(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        return false;
    }

    /** Puts a line on the check; the first line creates the check, at the table and for the customer chosen. */
    public boolean add(LineCommand line) {
        return change(() -> orderId == null ? create(line) : orders.addLines(orderId, version(), List.of(line)));
    }

    private OrderView create(LineCommand line) {
        String channel = tableId == null ? "TAKEAWAY" : "DINE_IN";
        // no idempotency key: the view's Ajax queue runs taps one after the other, and the tap after
        // this one finds the check and adds to it instead of creating another
        return orders.create(new CreateOrderCommand(session.getOutletId(), channel, tableId, customerId, List.of(line),
                null, List.of(), null), null);
    }

    /**
     * The server's message and the fields it found wrong, e.g. "amount must be greater than 0"; a
     * stale version says the check is now shown as changed on another device.
     */
    public static String explain(RmsException refused) {
        if (refused instanceof ConflictException stale && stale.current() != null) {
            return "The check was changed on another device; it is shown as it is now. Try again.";
        }
        if (refused.errors().isEmpty()) {
            return refused.getMessage();
        }
        return refused.getMessage() + ": " + refused.errors().stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }

    /** The check, or none before its first line. */
    public OrderView getOrder() {
        if (order == null && orderId != null) {
            reload();
        }
        return order;
    }

    public Long getOrderId() {
        return orderId;
    }

    /** The version last seen, sent with each change. */
    public Long version() {
        OrderView current = getOrder();
        return current == null ? null : current.version();
    }

    /** Whether the server says the check allows {@code action} now (one of an order's {@code actions}). */
    public boolean allows(String action) {
        OrderView current = getOrder();
        return current != null && current.actions().contains(action);
    }

    /** Lines may be taken: a new check, or one the server says allows adding lines. */
    public boolean isOpen() {
        return getOrder() == null || allows("addLines");
    }

    /** The check's table, or the one chosen for the check about to be created (none: takeaway). */
    public Long getTableId() {
        return getOrder() == null ? tableId : getOrder().tableId();
    }

    /** Chooses the table of the check about to be created. */
    public void setTableId(Long tableId) {
        this.tableId = tableId;
    }

    /** The check's customer, or the one chosen for the check about to be created. */
    public Long getCustomerId() {
        return getOrder() == null ? customerId : getOrder().customerId();
    }

    /** Chooses the customer of the check about to be created. */
    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    /** Courses of this check waiting in the kitchen to be fired (the kitchen's HELD tickets of it). */
    public List<Integer> getHeldCourses() {
        if (heldCourses == null) {
            heldCourses = orderId == null || !isOpen() ? List.of()
                    : kitchen.tickets(session.getOutletId(), "HELD", null).stream()
                            .filter(t -> t.orderId() == orderId).map(TicketView::course).distinct().sorted().toList();
        }
        return heldCourses;
    }

    /** An amount in the check's currency. */
    public String money(BigDecimal value) {
        return Money.format(getOrder() == null ? null : getOrder().currency(), value);
    }
}
