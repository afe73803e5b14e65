package com.rms.pos.sale;

import com.rms.menu.application.OutletMenus;
import com.rms.payment.application.PaymentView;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderLineView;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.SendCommand;
import com.rms.pos.application.Settlement;
import com.rms.pos.terminal.PosSession;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sale screen: the outlet's menu as tabs and tiles, and one check (an order) built by tapping,
 * sent to the kitchen course by course and closed. The check is the server's ({@link CurrentCheck}):
 * lines, taxes, totals and what may be done with it are always its answer. Each dialog of the screen
 * has its own bean: {@link ModifierDialog}, {@link TableDialog}, {@link CustomerDialog},
 * {@link PayDialog} and {@link CorrectionDialog}.
 */
@Named
@ViewScoped
public class SaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    ModifierDialog modifiers;

    @Inject
    Orders orders;

    @Inject
    Settlement settlement;

    @Inject
    OutletMenus menus;

    @Inject
    PosSession session;

    @Inject
    SaleScreen screen;

    /** View parameters: the check to open, or the table to start one at. */
    private Long orderParam;
    private Long tableParam;

    private Long categoryId;
    /** The course new lines go to (starters 1, mains 2, …), chosen above the menu. */
    private int currentCourse = 1;

    /** Read from the services, never kept with the view: reloaded whenever missing. */
    private transient MenuBoard menu;

    // the send bar: courses to hold back
    private List<Integer> holdCourses = List.of();

    /** Opens the check given, the open check at the table given, or a new one. */
    public void load() throws IOException {
        if (!session.isTakingOrders()) {
            screen.redirect("kitchen.xhtml");
            return;
        }
        if (orderParam != null) {
            check.open(orderParam);
        } else if (tableParam != null) {
            check.openAt(tableParam);
        }
        if (categoryId == null && !getMenu().categories().isEmpty()) {
            categoryId = getMenu().categories().get(0).id();
        }
    }

    /** Reloads the check, e.g. when the events socket says another device changed it. */
    public void refresh() {
        check.reload();
    }

    public void showCategory(long id) {
        categoryId = id;
    }

    /** Taps an item: straight onto the check, or through the modifier dialog when it has modifiers. */
    public void tapItem(long id) {
        Optional<MenuBoard.Item> item = getMenu().item(id);
        if (item.isEmpty() || !item.get().available()) {
            screen.tell(FacesMessage.SEVERITY_WARN, "That item is not available now.");
            return;
        }
        if (item.get().hasModifiers()) {
            modifiers.open(item.get(), currentCourse);
            return;
        }
        check.add(new LineCommand(id, 1, List.of(), null, currentCourse));
        screen.update("sale");
    }

    /** Fires the check to the kitchen, holding back the courses ticked to hold. */
    public void send() {
        if (check.getOrderId() == null) {
            return;
        }
        List<Integer> hold = List.copyOf(holdCourses);
        if (check.change(() -> orders.send(check.getOrderId(), check.version(), new SendCommand(hold, List.of())))) {
            screen.tell(FacesMessage.SEVERITY_INFO, hold.isEmpty() ? "Sent to the kitchen."
                    : "Sent to the kitchen; course " + hold.stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + " held.");
            holdCourses = List.of();
        }
    }

    /** Fires a course that was held back. */
    public void fire(int heldCourse) {
        if (check.getOrderId() != null && check.change(() -> orders.send(check.getOrderId(), check.version(),
                new SendCommand(List.of(), List.of(heldCourse))))) {
            screen.tell(FacesMessage.SEVERITY_INFO, "Course " + heldCourse + " fired.");
        }
    }

    /** Completes a re-opened check that has nothing left to pay. */
    public void close() {
        if (check.getOrderId() != null && check.change(() -> settlement.complete(check.getOrderId(), check.version()))) {
            screen.tell(FacesMessage.SEVERITY_INFO, "Check closed.");
        }
    }

    public OrderView getOrder() {
        return check.getOrder();
    }

    public Long getOrderId() {
        return check.getOrderId();
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

    public List<OrderLineView> getLines() {
        return getOrder() == null ? List.of() : getOrder().lines();
    }

    /**
     * Courses of the lines still sold on the check, for holding them or giving a discount: the lines the
     * server lets be voided (on an open check, every line not voided).
     */
    public List<Integer> getCourses() {
        return getLines().stream().filter(this::mayVoid).map(OrderLineView::course).distinct().sorted().toList();
    }

    /** Whether the server lets {@code line} be voided now (one of a line's {@code actions}). */
    public boolean mayVoid(OrderLineView line) {
        return line.actions().contains("void");
    }

    /** Courses of this check waiting in the kitchen to be fired. */
    public List<Integer> getHeldCourses() {
        return check.getHeldCourses();
    }

    public boolean isUnsent() {
        return check.allows("send");
    }

    /** Lines may be taken: a new check, or one the server says allows adding lines. */
    public boolean isOpen() {
        return check.isOpen();
    }

    public boolean isPayable() {
        return check.allows("pay");
    }

    /** An open check whose balance was paid (a re-opened one) is closed without a payment. */
    public boolean isClosable() {
        return check.allows("complete");
    }

    /** A discount is offered on a check with lines still sold, when the server allows one. */
    public boolean isDiscountable() {
        return check.allows("discount") && !getCourses().isEmpty();
    }

    /** An open check with nothing paid on it may be voided as a whole. */
    public boolean isVoidable() {
        return check.allows("void");
    }

    /** A check paid in full may be re-opened for a correction. */
    public boolean isReopenable() {
        return check.allows("reopen");
    }

    public boolean isRefundable() {
        return check.allows("refund");
    }

    /** How the panel of a check that takes no more lines is headed (none while it is open). */
    public CheckLabels.Finish getFinish() {
        return getOrder() == null || isOpen() ? null : CheckLabels.finish(getOrder().status());
    }

    /** The check's discount as it reads, e.g. "10 %" or "EUR 2.00". */
    public String getDiscountLabel() {
        return getOrder() == null ? null : CheckLabels.discount(getOrder().discount(), getOrder().currency());
    }

    /** An amount in the check's currency, or the menu's before the check exists. */
    public String money(BigDecimal value) {
        return Money.format(getOrder() != null ? getOrder().currency() : getMenu().currency(), value);
    }

    /** How the check's status reads on the screen. */
    public String statusLabel(String status) {
        return CheckLabels.status(status);
    }

    /** Whether a line is shown as voided. */
    public boolean lineVoided(OrderLineView line) {
        return CheckLabels.voided(line.status());
    }

    /** How a tender reads in the check's totals. */
    public String paymentLabel(PaymentView payment) {
        return CheckLabels.payment(payment);
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

    public Long getCategoryId() {
        return categoryId;
    }

    public int getCurrentCourse() {
        return currentCourse;
    }

    public void setCurrentCourse(int currentCourse) {
        this.currentCourse = Math.max(1, Math.min(currentCourse, 9));
    }

    public List<Integer> getHoldCourses() {
        return holdCourses;
    }

    public void setHoldCourses(List<Integer> holdCourses) {
        this.holdCourses = holdCourses == null ? List.of() : holdCourses;
    }
}
