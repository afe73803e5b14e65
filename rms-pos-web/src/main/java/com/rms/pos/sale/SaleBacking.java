package com.rms.pos.sale;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.CustomerView;
import com.rms.customer.application.Customers;
import com.rms.customer.application.FoundOrCreated;
import com.rms.menu.application.OutletMenus;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.paging.PageRequest;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.DiscountCommand;
import com.rms.pos.application.DiscountView;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderLineView;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.PaymentResult;
import com.rms.pos.application.RefundCommand;
import com.rms.pos.application.RefundResult;
import com.rms.pos.application.SendCommand;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import com.rms.pos.application.TicketView;
import com.rms.pos.application.VoidCommand;
import com.rms.pos.terminal.PosSession;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.primefaces.PrimeFaces;

/**
 * The sale screen: the outlet's menu as tabs and tiles, and one check (an order) built by tapping.
 * Every change goes to {@link Orders} at once and the screen shows the order the server answers,
 * so lines, taxes and totals are always the server's; the last version seen goes with each change,
 * and a check changed meanwhile on another device is reloaded, not overwritten.
 */
@Named
@ViewScoped
public class SaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Orders orders;

    @Inject
    OrderQueries queries;

    @Inject
    Settlement settlement;

    @Inject
    Customers customers;

    @Inject
    OutletMenus menus;

    @Inject
    Kitchen kitchen;

    @Inject
    OutletDirectory outlets;

    @Inject
    PosSession session;

    /** View parameters: the check to open, or the table to start one at. */
    private Long orderParam;
    private Long tableParam;

    private Long orderId;
    private Long tableId;
    private Long categoryId;
    /** The course new lines go to (starters 1, mains 2, …), chosen above the menu. */
    private int currentCourse = 1;

    /** Read from the services, never kept with the view: reloaded whenever missing. */
    private transient OrderView order;
    private transient MenuBoard menu;
    private transient List<TableView> tables;
    private transient List<Integer> heldCourses;
    private transient CustomerView customer;

    // the modifier dialog
    private Long itemId;
    private ModifierSelection selection = new ModifierSelection();
    private int quantity = 1;
    private String note;
    private int course = 1;

    // the check-action dialog (void a line or the check, refund, …): a reason, and a manager's PIN when asked for
    private CheckAction action;
    private Long voidLineId;
    private String reason;
    /** The refund's amount, or the discount's percent or amount. */
    private BigDecimal actionAmount;
    /** PERCENT or AMOUNT. */
    private String discountType = "PERCENT";
    private String managerPin;
    private boolean approvalNeeded;
    /** One key per refund attempt, kept until the server has answered: a double tap refunds once. */
    private String refundKey;
    private String lastRefund;

    // the customer dialog; the customer chosen before the check exists goes with its creation
    private Long customerId;
    private String customerName;
    private String customerPhone;
    private String customerEmail;

    // the pay dialog
    private String method = "CASH";
    private BigDecimal amount;
    private BigDecimal tip;
    private BigDecimal tendered;
    private String cardToken;
    /** One key per pay-dialog submission, kept until the server has answered: a double tap pays once. */
    private String paymentKey;
    private String payError;
    private String lastPayment;
    private BigDecimal change;

    // the send bar: courses to hold back
    private List<Integer> holdCourses = List.of();

    /** Opens the check given, the open check at the table given, or a new one. */
    public void load() throws IOException {
        if (!session.isTakingOrders()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/kitchen.xhtml");
            return;
        }
        if (orderParam != null) {
            try {
                order = queries.get(orderParam);
                orderId = orderParam;
            } catch (NotFoundException unknown) {
                // another outlet's or tenant's check is not this terminal's: the same answer as none at all
                message(FacesMessage.SEVERITY_WARN, "There is no check " + orderParam + " at " + session.getOutletName() + ".");
            }
        } else if (tableParam != null) {
            tableId = tableParam;
            orderId = openCheckAt(tableParam).map(OrderView::id).orElse(null);
        }
        reload();
        if (order != null) {
            tableId = order.tableId();
        }
        if (categoryId == null && !getMenu().categories().isEmpty()) {
            categoryId = getMenu().categories().get(0).id();
        }
    }

    private Optional<OrderView> openCheckAt(long table) {
        return Stream.of("OPEN", "SENT")
                .flatMap(status -> queries.list(session.getOutletId(), status, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream())
                .filter(o -> o.tableId() != null && o.tableId() == table)
                .max(Comparator.comparing(OrderView::createdAt));
    }

    /** Reloads the check, e.g. when the events socket says another device changed it. */
    public void refresh() {
        reload();
    }

    private void reload() {
        order = orderId == null ? null : queries.get(orderId);
        heldCourses = null;
    }

    public void showCategory(long id) {
        categoryId = id;
    }

    /** Taps an item: straight onto the check, or through the modifier dialog when it has modifiers. */
    public void tapItem(long id) {
        Optional<MenuBoard.Item> item = getMenu().item(id);
        if (item.isEmpty() || !item.get().available()) {
            message(FacesMessage.SEVERITY_WARN, "That item is not available now.");
            return;
        }
        if (!item.get().hasModifiers()) {
            LineCommand line = new LineCommand(id, 1, List.of(), null, currentCourse);
            change(() -> orderId == null ? create(line) : orders.addLines(orderId, version(), List.of(line)));
            PrimeFaces.current().ajax().update("sale");
            return;
        }
        itemId = id;
        selection = new ModifierSelection();
        quantity = 1;
        note = null;
        course = currentCourse;
        PrimeFaces.current().ajax().update("modifierForm");
        PrimeFaces.current().executeScript("PF('modifierDialog').show()");
    }

    public void toggleModifier(long groupId, long modifierId) {
        getPendingItem().flatMap(i -> i.modifierGroups().stream().filter(g -> g.id() == groupId).findFirst())
                .flatMap(g -> selection.toggle(g, modifierId))
                .ifPresent(refused -> message(FacesMessage.SEVERITY_WARN, refused));
    }

    public void more() {
        quantity = Math.min(quantity + 1, 99);
    }

    public void less() {
        quantity = Math.max(quantity - 1, 1);
    }

    /** Puts the item from the dialog on the check, if every modifier group's min and max is met. */
    public void addPending() {
        Optional<MenuBoard.Item> item = getPendingItem();
        if (item.isEmpty()) {
            return;
        }
        Optional<String> problem = selection.problem(item.get().modifierGroups());
        if (problem.isPresent()) {
            message(FacesMessage.SEVERITY_ERROR, problem.get());
            return;
        }
        LineCommand line = new LineCommand(item.get().id(), quantity, selection.ids(),
                note == null || note.isBlank() ? null : note.trim(), course);
        if (change(() -> orderId == null ? create(line) : orders.addLines(orderId, version(), List.of(line)))) {
            PrimeFaces.current().executeScript("PF('modifierDialog').hide()");
        }
    }

    private OrderView create(LineCommand line) {
        String channel = tableId == null ? "TAKEAWAY" : "DINE_IN";
        // no idempotency key: the view's Ajax queue runs taps one after the other, and the tap after
        // this one finds the check and adds to it instead of creating another
        return orders.create(new CreateOrderCommand(session.getOutletId(), channel, tableId, customerId, List.of(line),
                null, List.of(), null), null);
    }

    /** Fires the check to the kitchen, holding back the courses ticked to hold. */
    public void send() {
        if (orderId == null) {
            return;
        }
        List<Integer> hold = List.copyOf(holdCourses);
        if (change(() -> orders.send(orderId, version(), new SendCommand(hold, List.of())))) {
            message(FacesMessage.SEVERITY_INFO, hold.isEmpty() ? "Sent to the kitchen."
                    : "Sent to the kitchen; course " + hold.stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " held.");
            holdCourses = List.of();
        }
    }

    /** Fires a course that was held back. */
    public void fire(int heldCourse) {
        if (orderId != null && change(() -> orders.send(orderId, version(), new SendCommand(List.of(), List.of(heldCourse))))) {
            message(FacesMessage.SEVERITY_INFO, "Course " + heldCourse + " fired.");
        }
    }

    public void startVoid(long lineId) {
        voidLineId = lineId;
        startAction(CheckAction.VOID_LINE);
    }

    /** Voids the whole check: only while nothing is paid on it. */
    public void startVoidOrder() {
        startAction(CheckAction.VOID_ORDER);
    }

    /** Opens the refund dialog for what may still be refunded, with a fresh idempotency key for this refund. */
    public void startRefund() {
        startAction(CheckAction.REFUND);
        actionAmount = getRefundableAmount();
        refundKey = UUID.randomUUID().toString();
    }

    /** Opens the discount dialog with the check's discount, if it has one, to change it. */
    public void startDiscount() {
        startAction(CheckAction.DISCOUNT);
        DiscountView current = getOrder() == null ? null : getOrder().discount();
        discountType = current == null ? "PERCENT" : current.type();
        actionAmount = current == null ? null : current.value();
        reason = current == null ? null : current.reason();
    }

    public void chooseDiscountType(String type) {
        discountType = type;
    }

    /** Takes the discount off the check (no approval needed to charge more). */
    public void removeDiscount() {
        if (orderId != null && change(() -> orders.discount(orderId, version(), null, null))) {
            action = null;
            PrimeFaces.current().executeScript("PF('actionDialog').hide()");
            message(FacesMessage.SEVERITY_INFO, "Discount removed.");
        }
    }

    /** A paid check opened again for a correction; its payments stay. */
    public void startReopen() {
        startAction(CheckAction.REOPEN);
    }

    /** Completes a re-opened check that has nothing left to pay. */
    public void close() {
        if (orderId != null && change(() -> settlement.complete(orderId, version()))) {
            message(FacesMessage.SEVERITY_INFO, "Check closed.");
        }
    }

    private void startAction(CheckAction chosen) {
        action = chosen;
        reason = null;
        actionAmount = null;
        managerPin = null;
        approvalNeeded = false;
        PrimeFaces.current().ajax().update("actionForm");
        PrimeFaces.current().executeScript("PF('actionDialog').show()");
    }

    /**
     * Carries out the dialog's action, first as the signed-in user; when the server answers that a
     * manager must approve, asks for the manager's PIN, and the next tap tries again with it.
     */
    public void confirmAction() {
        if (action == null || orderId == null) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            actionError("Say why.");
            return;
        }
        if (approvalNeeded && (managerPin == null || managerPin.isBlank())) {
            actionError("A manager's PIN is needed.");
            return;
        }
        String pin = approvalNeeded ? managerPin : null;
        managerPin = null;
        try {
            String done = perform(action, reason.trim(), pin);
            // done: a repeated tap finds no action to carry out again
            action = null;
            approvalNeeded = false;
            PrimeFaces.current().executeScript("PF('actionDialog').hide()");
            message(FacesMessage.SEVERITY_INFO, done);
        } catch (AuthorizationException needsManager) {
            actionError(approvalNeeded ? action.pinRefused() : action.approvalNeeded());
            approvalNeeded = true;
        } catch (RmsException refused) {
            // a stale version or refused: the check is shown as it is now, with why
            reload();
            actionError(explain(refused));
        }
    }

    /** Makes the change with the manager's PIN given (or none), and says what was done. */
    private String perform(CheckAction what, String why, String pin) {
        return switch (what) {
            case VOID_LINE -> {
                order = orders.voidLine(orderId, voidLineId, version(), new VoidCommand(why, pin));
                yield "Line voided.";
            }
            case VOID_ORDER -> {
                order = orders.voidOrder(orderId, new VoidCommand(why, pin));
                yield "Check voided.";
            }
            case REFUND -> refund(new RefundCommand(actionAmount, why, pin));
            case DISCOUNT -> {
                order = orders.discount(orderId, version(), new DiscountCommand(discountType, actionAmount, why), pin);
                yield "Discount of " + getDiscountLabel() + " given.";
            }
            case REOPEN -> {
                order = settlement.reopen(orderId, version(), new VoidCommand(why, pin));
                heldCourses = null;
                yield "Check re-opened: its payments stay; add to it and take what is left to pay.";
            }
        };
    }

    private String refund(RefundCommand command) {
        if (refundKey == null) {
            refundKey = UUID.randomUUID().toString();
        }
        try {
            RefundResult refunded = settlement.refundOnce(orderId, command, refundKey);
            refundKey = null;
            reload();
            lastRefund = "Refunded " + money(refunded.amount()) + " ("
                    + refunded.parts().stream().map(p -> label(p.method()) + " " + money(p.amount()))
                            .collect(Collectors.joining(", ")) + ")";
            return "Refunded " + money(refunded.amount()) + ": " + statusLabel(refunded.orderStatus()).toLowerCase()
                    + ", " + money(refunded.refunded()) + " refunded in all.";
        } catch (RmsException refused) {
            // refused or failed: the key was released; another try is a new refund with a new key
            refundKey = UUID.randomUUID().toString();
            throw refused;
        }
    }

    private static void actionError(String text) {
        FacesContext.getCurrentInstance().addMessage("actionForm", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Opens the customer dialog: a phone or an email finds the customer, or adds a new one. */
    public void startCustomer() {
        customerName = null;
        customerPhone = null;
        customerEmail = null;
        PrimeFaces.current().ajax().update("customerForm");
        PrimeFaces.current().executeScript("PF('customerDialog').show()");
    }

    /** Finds (or adds) the customer and puts them on the check, or on the check about to be created. */
    public void findCustomer() {
        FoundOrCreated found;
        try {
            found = customers.findOrCreate(new CustomerCommand(trim(customerName), trim(customerPhone), trim(customerEmail)));
        } catch (RmsException refused) {
            customerError(explain(refused));
            return;
        }
        long id = found.customer().id();
        PrimeFaces.current().executeScript("PF('customerDialog').hide()");
        if (orderId != null && !change(() -> orders.customer(orderId, version(), id))) {
            return;
        }
        customerId = id;
        customer = found.customer();
        message(FacesMessage.SEVERITY_INFO, (found.created() ? "New customer " : "Customer ") + name(customer)
                + " is on the check.");
    }

    /** Takes the customer off the check (or off the check about to be created). */
    public void removeCustomer() {
        if (orderId != null && !change(() -> orders.customer(orderId, version(), null))) {
            return;
        }
        customerId = null;
        customer = null;
        message(FacesMessage.SEVERITY_INFO, "No customer on the check.");
    }

    private static void customerError(String text) {
        FacesContext.getCurrentInstance().addMessage("customerForm", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** The customer on the check, or chosen for it before it exists. */
    public CustomerView getCustomer() {
        Long id = getOrder() == null ? customerId : getOrder().customerId();
        if (id == null) {
            return null;
        }
        if (customer == null || customer.id() != id) {
            customer = customers.get(id);
        }
        return customer;
    }

    public String getCustomerLabel() {
        CustomerView current = getCustomer();
        return current == null ? null : name(current);
    }

    private static String name(CustomerView c) {
        return c.name() != null ? c.name() : c.phone() != null ? c.phone() : c.email();
    }

    /** A customer may be chosen, changed or removed while the check is open. */
    public boolean isCustomerChangeable() {
        return isOpen();
    }

    /** Opens the pay dialog for the balance, with a fresh idempotency key for this payment. */
    public void startPay() {
        OrderView current = getOrder();
        if (current == null) {
            return;
        }
        method = "CASH";
        amount = current.balance();
        tip = null;
        tendered = null;
        cardToken = null;
        payError = null;
        paymentKey = UUID.randomUUID().toString();
        PrimeFaces.current().ajax().update("payForm");
        PrimeFaces.current().executeScript("PF('payDialog').show()");
    }

    public void chooseMethod(String chosen) {
        method = chosen;
        payError = null;
    }

    /**
     * Takes one tender. The key stays the same until the server has given an answer, so a
     * repeated tap of "Pay" (or a retry after a lost response) is the same payment, not a second.
     */
    public void pay() {
        if (orderId == null || paymentKey == null) {
            return;
        }
        payError = null;
        boolean card = "CARD".equals(method);
        TenderCommand command = new TenderCommand(method, amount, tip, card ? trim(cardToken) : null,
                card ? null : tendered);
        try {
            PaymentResult paid = settlement.payOnce(orderId, command, paymentKey);
            paymentKey = null;
            reload();
            lastPayment = describe(paid);
            change = paid.change() != null && paid.change().signum() > 0 ? paid.change() : null;
            PrimeFaces.current().executeScript("PF('payDialog').hide()");
        } catch (RmsException refused) {
            // declined or refused: the key was released; another try is a new payment with a new key
            paymentKey = UUID.randomUUID().toString();
            payError = refused.getMessage();
            reload();
        }
    }

    private String describe(PaymentResult p) {
        String text = label(p.method()) + " " + money(p.amount());
        if (p.tendered() != null) {
            text += " · tendered " + money(p.tendered());
        }
        return text;
    }

    /** The change due from the last cash payment, shown large for the cashier. */
    public BigDecimal getChange() {
        return change;
    }

    /**
     * The server's message and the fields it found wrong, e.g. "amount must be greater than 0"; a
     * stale version says the check is now shown as changed on another device.
     */
    private static String explain(RmsException refused) {
        if (refused instanceof ConflictException stale && stale.current() != null) {
            return "The check was changed on another device; it is shown as it is now. Try again.";
        }
        if (refused.errors().isEmpty()) {
            return refused.getMessage();
        }
        return refused.getMessage() + ": " + refused.errors().stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }

    /** Runs an order change; a stale version reloads the check and says so instead of overwriting it. */
    private boolean change(OrderChange change) {
        try {
            order = change.apply();
            orderId = order.id();
            heldCourses = null;
            return true;
        } catch (ConflictException conflict) {
            reload();
            message(FacesMessage.SEVERITY_WARN, explain(conflict));
        } catch (NotFoundException gone) {
            message(FacesMessage.SEVERITY_ERROR, gone.getMessage());
        } catch (RmsException refused) {
            reload();
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        return false;
    }

    @FunctionalInterface
    private interface OrderChange {
        OrderView apply();
    }

    private Long version() {
        OrderView current = getOrder();
        return current == null ? null : current.version();
    }

    public OrderView getOrder() {
        if (order == null && orderId != null) {
            reload();
        }
        return order;
    }

    public MenuBoard getMenu() {
        if (menu == null) {
            menu = MenuBoard.parse(menus.menu(session.getOutletId()).json());
        }
        return menu;
    }

    public List<MenuBoard.Item> getItems() {
        return categoryId == null ? List.of() : getMenu().category(categoryId).map(MenuBoard.Category::items).orElse(List.of());
    }

    public Optional<MenuBoard.Item> getPendingItem() {
        return itemId == null ? Optional.empty() : getMenu().item(itemId);
    }

    public MenuBoard.Item getPending() {
        return getPendingItem().orElse(null);
    }

    public List<TableView> getTables() {
        if (tables == null) {
            tables = outlets.tables(session.getOutletId());
        }
        return tables;
    }

    public String getTableLabel() {
        Long table = getOrder() == null ? tableId : getOrder().tableId();
        if (table == null) {
            return null;
        }
        return getTables().stream().filter(t -> t.id() == table).map(TableView::label).findFirst().orElse("#" + table);
    }

    /** A table may be chosen until the check exists; then it belongs to the check. */
    public boolean isTableChangeable() {
        return orderId == null;
    }

    public void chooseTable(Long table) {
        if (isTableChangeable()) {
            tableId = table;
        }
    }

    public List<OrderLineView> getLines() {
        return getOrder() == null ? List.of() : getOrder().lines();
    }

    /** Courses on the check, for holding or firing them. */
    public List<Integer> getCourses() {
        return getLines().stream().filter(l -> "ACTIVE".equals(l.status())).map(OrderLineView::course).distinct().sorted().toList();
    }

    /** Courses of this check waiting in the kitchen to be fired (their tickets are HELD). */
    public List<Integer> getHeldCourses() {
        if (heldCourses == null) {
            heldCourses = orderId == null || !isOpen() ? List.of()
                    : kitchen.tickets(session.getOutletId(), "HELD", null).stream()
                            .filter(t -> t.orderId() == orderId).map(TicketView::course).distinct().sorted().toList();
        }
        return heldCourses;
    }

    /** Whether the server says the check allows {@code action} now (an order's {@code actions}). */
    private boolean allows(String action) {
        OrderView current = getOrder();
        return current != null && current.actions().contains(action);
    }

    public boolean isUnsent() {
        return allows("send");
    }

    /** Lines may be taken: a new check, or one the server says allows adding lines. */
    public boolean isOpen() {
        return getOrder() == null || allows("addLines");
    }

    public boolean isPayable() {
        return allows("pay");
    }

    /** Re-opening is offered for a check paid in full. */
    public boolean isCompleted() {
        return allows("reopen");
    }

    /** Paid in full, and maybe refunded since. */
    public boolean isSettled() {
        return getOrder() != null && Stream.of("COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED").anyMatch(getOrder().status()::equals);
    }

    public boolean isVoided() {
        return getOrder() != null && "VOIDED".equals(getOrder().status());
    }

    /** An open check with nothing paid on it may be voided as a whole. */
    public boolean isVoidable() {
        return allows("void");
    }

    /** What may still be given back: what was paid, with tips, less what was refunded. */
    public BigDecimal getRefundableAmount() {
        OrderView current = getOrder();
        return current == null ? BigDecimal.ZERO : current.paid().add(current.tips()).subtract(current.refunded());
    }

    /** An open check whose balance was paid (a re-opened one) is closed without a payment. */
    public boolean isClosable() {
        return allows("complete");
    }

    /** The check's discount as it reads, e.g. "10 %" or "EUR 2.00". */
    public String getDiscountLabel() {
        DiscountView current = getOrder() == null ? null : getOrder().discount();
        if (current == null) {
            return null;
        }
        return "PERCENT".equals(current.type()) ? current.value().stripTrailingZeros().toPlainString() + " %"
                : money(current.value());
    }

    public boolean isRefundable() {
        return allows("refund");
    }

    public String money(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String currency = getOrder() != null ? getOrder().currency() : getMenu().currency();
        return Money.format(currency, value);
    }

    /** How the check's status reads on the screen. */
    public String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "Open";
            case "SENT" -> "Sent";
            case "COMPLETED" -> "Paid";
            case "VOIDED" -> "Voided";
            case "REFUNDED" -> "Refunded";
            case "PARTIALLY_REFUNDED" -> "Partly refunded";
            default -> status;
        };
    }

    public String label(String paymentMethod) {
        return switch (paymentMethod) {
            case "CASH" -> "Cash";
            case "CARD" -> "Card";
            case "GIFT_CARD" -> "Gift card";
            case "LOYALTY_POINTS" -> "Points";
            default -> paymentMethod;
        };
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    // view parameters and form fields

    public Long getOrderParam() {
        return orderParam;
    }

    public void setOrderParam(Long orderParam) {
        this.orderParam = orderParam;
    }

    public Long getTableParam() {
        return tableParam;
    }

    public void setTableParam(Long tableParam) {
        this.tableParam = tableParam;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getTableId() {
        return tableId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public int getCurrentCourse() {
        return currentCourse;
    }

    public void setCurrentCourse(int currentCourse) {
        this.currentCourse = Math.max(1, Math.min(currentCourse, 9));
    }

    public ModifierSelection getSelection() {
        return selection;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getCourse() {
        return course;
    }

    public void setCourse(int course) {
        this.course = Math.max(1, Math.min(course, 9));
    }

    public CheckAction getAction() {
        return action;
    }

    public OrderLineView getVoidLine() {
        return voidLineId == null ? null : getLines().stream().filter(l -> l.id() == voidLineId).findFirst().orElse(null);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getActionAmount() {
        return actionAmount;
    }

    public void setActionAmount(BigDecimal actionAmount) {
        this.actionAmount = actionAmount;
    }

    public String getDiscountType() {
        return discountType;
    }

    public String getManagerPin() {
        return managerPin;
    }

    public void setManagerPin(String managerPin) {
        this.managerPin = managerPin;
    }

    public boolean isApprovalNeeded() {
        return approvalNeeded;
    }

    public String getLastRefund() {
        return lastRefund;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public void setCustomerPhone(String customerPhone) {
        this.customerPhone = customerPhone;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getTip() {
        return tip;
    }

    public void setTip(BigDecimal tip) {
        this.tip = tip;
    }

    public BigDecimal getTendered() {
        return tendered;
    }

    public void setTendered(BigDecimal tendered) {
        this.tendered = tendered;
    }

    public String getCardToken() {
        return cardToken;
    }

    public void setCardToken(String cardToken) {
        this.cardToken = cardToken;
    }

    public String getPayError() {
        return payError;
    }

    public String getLastPayment() {
        return lastPayment;
    }

    public List<Integer> getHoldCourses() {
        return holdCourses;
    }

    public void setHoldCourses(List<Integer> holdCourses) {
        this.holdCourses = holdCourses == null ? List.of() : holdCourses;
    }
}
