package com.rms.pos.sale;

import static com.rms.pos.sale.SaleFixture.line;
import static com.rms.pos.sale.SaleFixture.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.menu.application.OutletMenus;
import com.rms.platform.error.ConflictException;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.security.Role;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.LineCommand;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.SendCommand;
import com.rms.pos.application.TicketView;
import com.rms.pos.terminal.SignedIn;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableView;
import com.rms.tenancy.domain.TableState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sale screen and its modifier and table dialogs: taps that start the check and add to it, the
 * send bar, and what the screen offers, which is exactly what the server says the check allows.
 */
class SaleBackingTest {

    private final SaleFixture f = new SaleFixture();
    private final SaleBacking sale = new SaleBacking();
    private final ModifierDialog modifiers = new ModifierDialog();
    private final TableDialog tables = new TableDialog();
    /** What reached the server, one a call. */
    private final List<Object> calls = new ArrayList<>();

    @BeforeEach
    void wire() {
        Orders orders = new Orders() {
            @Override
            public OrderView create(CreateOrderCommand command, Attempt attempt) {
                calls.add(command);
                SaleFixture.Check created = order().version(0);
                if (command.tableId() != null) {
                    created.table(command.tableId());
                }
                return f.stored(created.view());
            }

            @Override
            public OrderView addLines(long id, Long expectedVersion, List<LineCommand> commands) {
                calls.add("add " + commands + " to " + id + " at version " + expectedVersion);
                if (expectedVersion < f.server.get(id).version()) {
                    throw new ConflictException("order " + id + " was changed", f.server.get(id));
                }
                return f.stored(order().version(expectedVersion + 1).view());
            }

            @Override
            public OrderView send(long id, Long expectedVersion, SendCommand command) {
                calls.add(command);
                return f.stored(order().version(expectedVersion + 1).view());
            }
        };
        f.orders(orders);
        modifiers.check = f.check;
        modifiers.screen = f.page;
        tables.check = f.check;
        tables.session = f.check.session;
        tables.outlets = new OutletDirectory() {
            @Override
            public List<TableView> tables(long outletId) {
                return List.of(new TableView(5, outletId, "T5", 4, null, TableState.FREE, 1));
            }
        };
        sale.check = f.check;
        sale.modifiers = modifiers;
        sale.orders = orders;
        sale.session = f.check.session;
        sale.screen = f.page;
        sale.menus = new OutletMenus() {
            @Override
            public SoldMenu menu(long outletId) {
                return new SoldMenu("\"3\"", MenuBoardTest.MENU);
            }
        };
    }

    @Test
    void whoTakesNoOrdersIsSentToTheKitchenDisplay() throws IOException {
        sale.session = SignedIn.at(1, "Mitte", Role.KITCHEN);
        sale.load();
        assertEquals(List.of("redirect kitchen.xhtml"), f.page.said);
    }

    @Test
    void theFirstTapStartsTheCheckAtTheTableChosenAndTheNextAddToIt() throws IOException {
        sale.load();
        assertEquals(1L, sale.getCategoryId(), "the first tab is shown");
        assertTrue(tables.isChangeable());
        tables.choose(5L);
        assertEquals("T5", tables.getLabel());
        sale.setCurrentCourse(2);

        sale.tapItem(20);
        CreateOrderCommand created = (CreateOrderCommand) calls.get(0);
        assertEquals("DINE_IN", created.channel());
        assertEquals(5L, created.tableId());
        assertEquals(List.of(new LineCommand(20L, 1, List.of(), null, 2)), created.lines());
        assertEquals("update sale", f.page.last());
        assertFalse(tables.isChangeable(), "the table belongs to the check now");

        sale.tapItem(20);
        assertEquals("add [LineCommand[menuItemId=20, quantity=1, modifierIds=[], note=null, course=2]] to 42 at version 0",
                calls.get(1));
        assertEquals(1L, sale.getOrder().version());
    }

    @Test
    void anItemNotSoldNowIsRefusedAndOneWithModifiersOpensTheirDialog() throws IOException {
        sale.load();
        sale.tapItem(11);
        assertEquals("WARN That item is not available now.", f.page.last());
        sale.setCurrentCourse(3);
        sale.tapItem(10);
        assertEquals("open modifierDialog", f.page.last());
        assertEquals("Bistro Burger", modifiers.getPending().name());
        assertEquals(3, modifiers.getCourse());
        assertEquals(List.of(), calls, "nothing reached the check yet");

        modifiers.addPending();
        assertEquals("ERROR Cooking: choose at least 1.", f.page.last());
        modifiers.toggleModifier(5, 51);
        modifiers.toggleModifier(6, 61);
        modifiers.more();
        modifiers.setNote("  no onions ");
        modifiers.addPending();
        assertEquals(new LineCommand(10L, 2, List.of(51L, 61L), "no onions", 3), ((CreateOrderCommand) calls.get(0)).lines().get(0));
        assertEquals("TAKEAWAY", ((CreateOrderCommand) calls.get(0)).channel(), "no table chosen");
        assertEquals("close modifierDialog", f.page.last());
    }

    @Test
    void aCheckChangedOnAnotherDeviceIsReloadedNotOverwritten() {
        f.check.changed(f.stored(order().view()));
        f.stored(order().version(5).view());
        sale.tapItem(20);
        assertEquals("WARN The check was changed on another device; it is shown as it is now. Try again.",
                f.page.said.get(0));
        assertEquals(5L, sale.getOrder().version());
    }

    @Test
    void theCoursesStillSoldAreHeldOrFiredAndTheScreenSaysWhichWent() {
        f.check.changed(f.stored(order().lines(line(1, "Soup", 1, false), line(2, "Salad", 2, false),
                line(3, "Cake", 3, true)).view()));
        assertEquals(List.of(1, 2), sale.getCourses(), "a voided line's course is nothing to hold");
        sale.setHoldCourses(List.of(2));
        sale.send();
        assertEquals(new SendCommand(List.of(2), List.of()), calls.get(0));
        assertEquals("INFO Sent to the kitchen; course 2 held.", f.page.last());
        assertEquals(List.of(), sale.getHoldCourses());

        f.held.add(new TicketView(8, 42, "42", 1, null, "grill", 2, "HELD", List.of(), null, null));
        f.held.add(new TicketView(9, 77, "77", 1, null, "grill", 3, "HELD", List.of(), null, null));
        sale.refresh();
        assertEquals(List.of(2), sale.getHeldCourses(), "this check's held courses only");
        sale.fire(2);
        assertEquals(new SendCommand(List.of(), List.of(2)), calls.get(1));
        assertEquals("INFO Course 2 fired.", f.page.last());
    }

    @Test
    void whatTheScreenOffersIsWhatTheServerSaysTheCheckAllows() {
        assertTrue(sale.isOpen(), "a new check takes lines");
        assertFalse(sale.isPayable());

        f.check.changed(f.stored(order().view()));
        assertTrue(sale.isOpen() && sale.isUnsent() && sale.isPayable() && sale.isVoidable() && sale.isDiscountable());
        assertFalse(sale.isClosable() || sale.isReopenable() || sale.isRefundable());
        assertTrue(sale.mayVoid(sale.getLines().get(0)));
        assertNull(sale.getFinish());

        f.check.changed(f.stored(order().lines(line(1, "Burger", 1, true)).status("OPEN", "addLines", "discount", "customer")
                .view()));
        assertFalse(sale.isDiscountable(), "nothing left on the check to discount");
        assertTrue(sale.lineVoided(sale.getLines().get(0)));

        f.check.changed(f.stored(order().lines(line(1, "Burger", 1, false, List.of())).status("COMPLETED", "refund", "reopen")
                .paid("5.00", "0.00").view()));
        assertFalse(sale.isOpen() || sale.isPayable() || sale.isVoidable() || sale.mayVoid(sale.getLines().get(0)));
        assertTrue(sale.isReopenable() && sale.isRefundable());
        assertEquals(CheckLabels.Finish.PAID, sale.getFinish());
        assertEquals("Paid", sale.statusLabel("COMPLETED"));

        f.check.changed(f.stored(order().status("OPEN", "addLines", "discount", "customer", "voidLine", "complete")
                .paid("5.00", "0.00").view()));
        assertTrue(sale.isClosable(), "re-opened with nothing left to pay");
        assertFalse(sale.isVoidable(), "a check with a payment is not voided");

        f.check.changed(f.stored(order().status("PARTIALLY_REFUNDED", "refund").paid("5.00", "2.00").view()));
        assertEquals(CheckLabels.Finish.REFUNDED, sale.getFinish());
        assertEquals("Partly refunded", sale.statusLabel("PARTIALLY_REFUNDED"));
        f.check.changed(f.stored(order().status("VOIDED").view()));
        assertEquals(CheckLabels.Finish.VOIDED, sale.getFinish());
    }

    @Test
    void aCheckOfAnotherOutletIsNotShownAndATablesOpenCheckIsGoneOnWith() throws IOException {
        sale.setOrderParam(99L);
        sale.load();
        assertEquals("WARN There is no check 99 at Mitte.", f.page.last());
        assertNull(sale.getOrder());

        f.stored(order().table(5).view());
        SaleBacking atTable = new SaleBacking();
        atTable.check = new SaleFixture().check;
        atTable.check.queries = f.check.queries;
        atTable.session = sale.session;
        atTable.menus = sale.menus;
        atTable.screen = f.page;
        atTable.setTableParam(5L);
        atTable.load();
        assertEquals(42L, atTable.getOrderId());
        assertEquals(5L, atTable.check.getTableId());
    }
}
