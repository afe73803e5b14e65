package com.rms.pos.sale;

import com.rms.menu.application.OutletMenus;
import com.rms.payment.application.PaymentCommand;
import com.rms.payment.application.PaymentResult;
import com.rms.payment.application.Payments;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.paging.PageRequest;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderLineView;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.SendCommand;
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
    Payments payments;

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

    // the modifier dialog
    private Long itemId;
    private ModifierSelection selection = new ModifierSelection();
    private int quantity = 1;
    private String note;
    private int course = 1;

    // the void dialog
    private Long voidLineId;
    private String voidReason;
    private String managerPin;
    private boolean approvalNeeded;

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
                order = orders.get(orderParam);
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
                .flatMap(status -> orders.list(session.getOutletId(), status, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream())
                .filter(o -> o.tableId() != null && o.tableId() == table)
                .max(Comparator.comparing(OrderView::createdAt));
    }

    /** Reloads the check, e.g. when the events socket says another device changed it. */
    public void refresh() {
        reload();
    }

    private void reload() {
        order = orderId == null ? null : orders.get(orderId);
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
        return orders.create(new CreateOrderCommand(session.getOutletId(), channel, tableId, null, List.of(line), null,
                List.of(), null), null);
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
        voidReason = null;
        managerPin = null;
        approvalNeeded = false;
        PrimeFaces.current().ajax().update("voidForm");
        PrimeFaces.current().executeScript("PF('voidDialog').show()");
    }

    /** Voids the line; when the server wants a manager's approval, asks for the manager's PIN and tries again. */
    public void confirmVoid() {
        if (voidLineId == null || orderId == null) {
            return;
        }
        if (voidReason == null || voidReason.isBlank()) {
            voidError("Say why the line is voided.");
            return;
        }
        if (approvalNeeded && (managerPin == null || managerPin.isBlank())) {
            voidError("A manager's PIN is needed.");
            return;
        }
        String pin = approvalNeeded ? managerPin : null;
        managerPin = null;
        try {
            order = orders.voidLine(orderId, voidLineId, version(), new VoidCommand(voidReason.trim(), pin));
            approvalNeeded = false;
            PrimeFaces.current().executeScript("PF('voidDialog').hide()");
            message(FacesMessage.SEVERITY_INFO, "Line voided.");
        } catch (AuthorizationException needsManager) {
            voidError(approvalNeeded ? "That PIN cannot approve this void." : "This line was sent to the kitchen: a manager must approve.");
            approvalNeeded = true;
        } catch (ConflictException stale) {
            reload();
            voidError("The check was changed on another device; it is shown as it is now. Try again.");
        } catch (RmsException refused) {
            voidError(refused.getMessage());
        }
    }

    private static void voidError(String text) {
        FacesContext.getCurrentInstance().addMessage("voidForm", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
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
        PaymentCommand command = new PaymentCommand(method, amount, tip, card ? trim(cardToken) : null,
                card ? null : tendered);
        try {
            PaymentResult paid = payments.payOnce(orderId, command, paymentKey);
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

    /** Runs an order change; a stale version reloads the check and says so instead of overwriting it. */
    private boolean change(OrderChange change) {
        try {
            order = change.apply();
            orderId = order.id();
            heldCourses = null;
            return true;
        } catch (ConflictException stale) {
            reload();
            message(FacesMessage.SEVERITY_WARN, "The check was changed on another device; it is shown as it is now. "
                    + stale.getMessage());
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

    public boolean isUnsent() {
        return getLines().stream().anyMatch(l -> "ACTIVE".equals(l.status()) && !l.sent());
    }

    public boolean isOpen() {
        OrderView current = getOrder();
        return current == null || "OPEN".equals(current.status()) || "SENT".equals(current.status());
    }

    public boolean isPayable() {
        OrderView current = getOrder();
        return current != null && isOpen() && current.balance().signum() > 0;
    }

    public boolean isCompleted() {
        return getOrder() != null && "COMPLETED".equals(getOrder().status());
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

    public OrderLineView getVoidLine() {
        return voidLineId == null ? null : getLines().stream().filter(l -> l.id() == voidLineId).findFirst().orElse(null);
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
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
