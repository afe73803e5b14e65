package com.rms.pos.application;

import static com.rms.pos.application.SettlementHarness.ALPHA;
import static com.rms.pos.application.SettlementHarness.BURGER;
import static com.rms.pos.application.SettlementHarness.COLA;
import static com.rms.pos.application.SettlementHarness.FRIES;
import static com.rms.pos.application.SettlementHarness.OUTLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ConflictException;
import com.rms.platform.idempotency.Answer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an order call costs and guarantees, counted where the database sees it: a cash quick sale, a
 * cash payment and a new order are one transaction each, a card payment and a card quick sale two;
 * the same key twice at once on one server is 409 and changes nothing, two servers racing on one key
 * commit one order (the loser answers the winner's answer), and a crash inside the transaction leaves
 * no key, order, payment, hold or outbox row behind.
 */
class SettlementTransactionsTest {

    private SettlementHarness h;
    private SettlementHarness.Server server;

    @BeforeEach
    void open() {
        h = new SettlementHarness();
        server = h.new Server();
        // warm up: classes loaded, the id sequence's first block taken
        h.asCashier(() -> server.create(key(), sale(cash("15.50", "20.00"))));
        h.tx.reset();
    }

    @AfterEach
    void close() {
        h.close();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static LineCommand line(long item) {
        return new LineCommand(item, 1, List.of(), null, null);
    }

    /** Burger, fries and cola: 15.50 with the VAT included. */
    static CreateOrderCommand sale(TenderCommand... tenders) {
        return new CreateOrderCommand(OUTLET, "TAKEAWAY", null, null, List.of(line(BURGER), line(FRIES), line(COLA)), null,
                List.of(tenders), null);
    }

    static TenderCommand cash(String amount, String tendered) {
        return new TenderCommand("CASH", new BigDecimal(amount), null, null, new BigDecimal(tendered));
    }

    static TenderCommand card(String amount) {
        return new TenderCommand("CARD", new BigDecimal(amount), null, "tok_visa", null);
    }

    private long rows(String table) {
        return h.count(ALPHA, table, null);
    }

    private String counted() {
        return h.tx.commits + " commits, " + h.tx.roundTrips + " round trips, " + h.tx.statements + " statements: "
                + String.join("\n  ", h.tx.sql);
    }

    @Test
    void aCashQuickSaleIsOneTransaction() {
        long orders = rows("pos_order");
        OrderView sold = h.asCashier(() -> server.create(key(), sale(cash("15.50", "20.00")))).result();
        assertEquals("COMPLETED", sold.status());
        assertEquals(new BigDecimal("4.50"), sold.payments().get(0).change());
        assertEquals(1, h.tx.commits.get(), this::counted);
        assertEquals(0, h.tx.rollbacks.get(), this::counted);
        // key, order, 3 lines, payment, stock hold, outbox row, completion: written once, reads kept to what the
        // rules need (the key, the outlet and menu, the stock check and hold, the drawer)
        assertTrue(h.tx.statements.get() <= 30, this::counted);
        assertEquals(orders + 1, rows("pos_order"));
        assertEquals(List.of(List.of(201, "DONE")), h.rows(ALPHA, "select response_status, state from idempotency_key "
                + "where response_body like '%\"id\":" + sold.id() + ",%'"));
        assertEquals(1, h.count(ALPHA, "outbox", "aggregate_id = 'order:" + sold.id() + "' and event_type = 'order.completed'"));
        assertEquals(1, h.count(ALPHA, "stock_hold", "reference = 'order-" + sold.id() + "'"));
        assertEquals(1, h.count(ALPHA, "order_completion", "order_id = " + sold.id()));
    }

    @Test
    void aNewOrderAndACashPaymentAreOneTransactionEach() {
        OrderView open = h.asCashier(() -> server.create(key(), sale())).result();
        assertEquals(1, h.tx.commits.get(), this::counted);
        assertEquals("OPEN", open.status());
        assertTrue(open.actions().containsAll(List.of("pay", "addLines", "void")), open.actions()::toString);
        h.tx.reset();
        PaymentResult paid = h.asCashier(() -> server.pay(key(), open.id(), cash("15.50", "15.50"))).result();
        assertEquals("COMPLETED", paid.orderStatus());
        assertEquals(1, h.tx.commits.get(), this::counted);
    }

    @Test
    void aCardPaymentIsTwoTransactionsWithNoneOpenWhileTheProviderIsCalled() {
        OrderView open = h.asCashier(() -> server.create(key(), sale())).result();
        boolean[] inTransaction = {true};
        server.provider.answer = r -> {
            inTransaction[0] = h.tx.inTransaction();
            return com.rms.payment.provider.CardCharge.approved("ch_1");
        };
        h.tx.reset();
        PaymentResult paid = h.asCashier(() -> server.pay(key(), open.id(), card("15.50"))).result();
        assertEquals("COMPLETED", paid.orderStatus());
        assertFalse(inTransaction[0], "no transaction is open while the provider is called");
        assertEquals(2, h.tx.commits.get(), this::counted);
        h.tx.reset();
        OrderView sold = h.asCashier(() -> server.create(key(), sale(cash("5.50", "5.50"), card("10.00")))).result();
        assertEquals("COMPLETED", sold.status());
        assertEquals(2, sold.payments().size());
        assertEquals(2, h.tx.commits.get(), "a card quick sale: " + counted());
    }

    @Test
    void theSameKeyTwiceAtOnceOnOneServerIs409AndChangesNothing() throws Exception {
        String key = key();
        CreateOrderCommand command = sale(cash("15.50", "20.00"));
        long orders = rows("pos_order");
        Throwable[] second = new Throwable[1];
        h.tx.beforeCommit.set(() -> {
            // the first request is inside its transaction: the same key from another thread is refused at once
            try {
                CompletableFuture.runAsync(() -> h.asCashier(() -> server.create(key, command))).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                second[0] = e.getCause();
            }
        });
        OrderView first = h.asCashier(() -> server.create(key, command)).result();
        h.tx.beforeCommit.remove();
        assertTrue(second[0] instanceof ConflictException, String.valueOf(second[0]));
        assertEquals(orders + 1, rows("pos_order"), "one order");
        Answer<OrderView> again = h.asCashier(() -> server.create(key, command));
        assertTrue(again.replayed());
        assertEquals(first.id(), SettlementHarness.storedId(again.replay()));
    }

    @Test
    void twoServersRacingOnOneKeyCommitOneOrderAndTheLoserAnswersTheWinnersAnswer() throws Exception {
        SettlementHarness.Server other = h.new Server();
        String key = key();
        CreateOrderCommand command = sale();
        long orders = rows("pos_order");
        OrderView[] winner = new OrderView[1];
        h.tx.beforeCommit.set(() -> {
            try {
                winner[0] = CompletableFuture.supplyAsync(() -> h.asCashier(() -> other.create(key, command)).result())
                        .get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Answer<OrderView> loser = h.asCashier(() -> server.create(key, command));
        h.tx.beforeCommit.remove();
        assertTrue(loser.replayed(), "the loser's insert of the key failed; it answers from the winner's row");
        assertEquals(winner[0].id(), SettlementHarness.storedId(loser.replay()));
        assertEquals(201, loser.replay().status());
        assertEquals(orders + 1, rows("pos_order"), "the loser's order was rolled back with its key");
    }

    @Test
    void aCrashInsideTheTransactionLeavesNoKeyOrderPaymentHoldOrOutboxRow() {
        String key = key();
        CreateOrderCommand command = sale(cash("15.50", "20.00"));
        List<Long> before = List.of(rows("pos_order"), rows("idempotency_key"), rows("payment"), rows("stock_hold"),
                rows("outbox"), rows("order_completion"));
        h.tx.beforeCommit.set(() -> {
            throw new IllegalStateException("the server died");
        });
        assertThrows(IllegalStateException.class, () -> h.asCashier(() -> server.create(key, command)));
        h.tx.beforeCommit.remove();
        assertEquals(before, List.of(rows("pos_order"), rows("idempotency_key"), rows("payment"), rows("stock_hold"),
                rows("outbox"), rows("order_completion")));
        Answer<OrderView> retry = h.asCashier(() -> server.create(key, command));
        assertFalse(retry.replayed(), "a retry is a fresh attempt");
        assertEquals("COMPLETED", retry.result().status());
    }
}
