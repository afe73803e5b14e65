package com.rms.pos.application;

import static com.rms.pos.application.SettlementHarness.ALPHA;
import static com.rms.pos.application.SettlementTransactionsTest.card;
import static com.rms.pos.application.SettlementTransactionsTest.cash;
import static com.rms.pos.application.SettlementTransactionsTest.key;
import static com.rms.pos.application.SettlementTransactionsTest.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.payment.provider.CardCharge;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.Answer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key protocol (API.md) on the real order path: a replay answers the first status and
 * body after re-checking the caller may see the order; another request under the key is 422; client
 * errors are stored answers and outages release the key; a quick sale whose card failed keeps its
 * order, answers the problem with {@code orderId}, and its retry continues on that order taking only
 * the tenders not yet taken — never a second charge.
 */
class SettlementIdempotencyTest {

    private SettlementHarness h;
    private SettlementHarness.Server server;

    @BeforeEach
    void open() {
        h = new SettlementHarness();
        server = h.new Server();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private long orders() {
        return h.count(ALPHA, "pos_order", null);
    }

    @Test
    void aReplayIsRecheckedAndAnswersTheFirstStatusAndBody() {
        String key = key();
        long before = orders();
        OrderView first = h.asCashier(() -> server.create(key, sale(cash("15.50", "20.00")))).result();
        Answer<OrderView> again = h.asCashier(() -> server.create(key, sale(cash("15.50", "20.00"))));
        assertTrue(again.replayed());
        assertEquals(201, again.replay().status());
        assertEquals(first.id(), SettlementHarness.storedId(again.replay()));
        assertThrows(NotFoundException.class, () -> h.asCashier(2, () -> server.create(key, sale(cash("15.50", "20.00")))),
                "a cashier of another outlet gets what the direct read answers, not the order");
        assertTrue(h.asCashier(() -> server.create(key, sale(cash("15.50", "20.00")))).replayed(), "the answer stays stored");
        assertThrows(IdempotencyKeyReuseException.class, () -> h.asCashier(() -> server.create(key, sale(cash("15.50", "16.00")))));
        assertEquals(before + 1, orders(), "one order for the key");
    }

    @Test
    void clientErrorsAreStoredAnswersAndChangeNothing() {
        String key = key();
        long before = orders();
        // more than the total: refused by the order's rules, the whole sale rolled back
        BusinessRuleException refused = assertThrows(BusinessRuleException.class,
                () -> h.asCashier(() -> server.create(key, sale(cash("16.00", "20.00")))));
        assertTrue(refused.getMessage().contains("exceeds"), refused.getMessage());
        assertEquals(before, orders(), "no order is left");
        Answer<OrderView> replay = h.asCashier(() -> server.create(key, sale(cash("16.00", "20.00"))));
        assertEquals(422, replay.replay().status());
        String bad = key();
        assertThrows(ValidationException.class, () -> h.asCashier(() -> server.create(bad,
                sale(new TenderCommand("CARD", new BigDecimal("15.50"), null, "4242 4242 4242 4242", null)))));
        Answer<OrderView> stored = h.asCashier(() -> server.create(bad,
                sale(new TenderCommand("CARD", new BigDecimal("15.50"), null, "4242 4242 4242 4242", null))));
        assertEquals(400, stored.replay().status());
        assertTrue(stored.replay().body().contains("payments[0].cardToken"), stored.replay().body());
        assertFalse(stored.replay().body().replaceAll("[^0-9]", "").contains("4242424242424242"), "never echoed");
    }

    @Test
    void aQuickSaleWhoseProviderWasDownIsRetriedOnTheSameOrderAndChargedOnce() {
        String key = key();
        long before = orders();
        server.provider.answer = r -> {
            throw new ServiceUnavailableException("the card provider is unavailable", 30);
        };
        ServiceUnavailableException down = assertThrows(ServiceUnavailableException.class,
                () -> h.asCashier(() -> server.create(key, sale(cash("5.50", "5.50"), card("10.00")))));
        long order = down.extensions().get("orderId");
        assertEquals(before + 1, orders());
        assertEquals(List.of(List.of("SUCCEEDED")), h.rows(ALPHA, "select status from payment where order_id = " + order),
                "the cash was taken, the card's PENDING payment forgotten");
        assertEquals(0, h.count(ALPHA, "stock_hold", "reference = 'order-" + order + "'"), "the card's hold released");
        // a 503 is never stored: the retry is a new attempt on the same order
        assertThrows(ServiceUnavailableException.class,
                () -> h.asCashier(() -> server.create(key, sale(cash("5.50", "5.50"), card("10.00")))));
        server.provider.answer = r -> CardCharge.approved("ch_ok");
        server.provider.charges.clear();
        Answer<OrderView> paid = h.asCashier(() -> server.create(key, sale(cash("5.50", "5.50"), card("10.00"))));
        assertFalse(paid.replayed());
        assertEquals(order, paid.result().id());
        assertEquals("COMPLETED", paid.result().status());
        assertEquals(2, paid.result().payments().size(), "the cash once, the card once");
        assertEquals(1, server.provider.charges.size(), "one charge");
        assertEquals(before + 1, orders(), "one order");
        Answer<OrderView> replay = h.asCashier(() -> server.create(key, sale(cash("5.50", "5.50"), card("10.00"))));
        assertTrue(replay.replayed());
        assertEquals(order, SettlementHarness.storedId(replay.replay()));
    }

    @Test
    void aDeclinedQuickSaleIs422WithItsOrderAndItsRetryDeclinesWithoutChargingAgain() {
        String key = key();
        server.provider.answer = r -> CardCharge.declined("ch_no", "card_declined", "Your card was declined.");
        BusinessRuleException declined = assertThrows(BusinessRuleException.class,
                () -> h.asCashier(() -> server.create(key, sale(card("15.50")))));
        long order = declined.extensions().get("orderId");
        BusinessRuleException again = assertThrows(BusinessRuleException.class,
                () -> h.asCashier(() -> server.create(key, sale(card("15.50")))));
        assertEquals(order, again.extensions().get("orderId"));
        assertEquals(1, server.provider.charges.size(), "the decline on record answers the retry");
        assertEquals(List.of(List.of("OPEN")), h.rows(ALPHA, "select status from pos_order where id = " + order));
    }

    @Test
    void aPartialQuickSaleIsNotContinuedByACallerWhoMayNotSeeItsOrder() {
        String key = key();
        server.provider.answer = r -> {
            throw new ServiceUnavailableException("the card provider is unavailable", 30);
        };
        long order = assertThrows(ServiceUnavailableException.class,
                () -> h.asCashier(() -> server.create(key, sale(card("15.50"))))).extensions().get("orderId");
        server.provider.answer = r -> CardCharge.approved("ch_ok");
        assertThrows(NotFoundException.class, () -> h.asCashier(2, () -> server.create(key, sale(card("15.50")))));
        assertEquals(List.of(List.of("OPEN")), h.rows(ALPHA, "select status from pos_order where id = " + order));
        assertEquals(order, h.asCashier(() -> server.create(key, sale(card("15.50")))).result().id());
    }

    @Test
    void aCardPaymentRetriedAfterAnOutageIsANewAttemptAndThenReplayed() {
        OrderView open = h.asCashier(() -> server.create(key(), sale())).result();
        String key = key();
        server.provider.answer = r -> {
            throw new ServiceUnavailableException("the card provider is unavailable", 30);
        };
        assertThrows(ServiceUnavailableException.class, () -> h.asCashier(() -> server.pay(key, open.id(), card("15.50"))));
        assertEquals(0, h.count(ALPHA, "payment", "order_id = " + open.id()));
        assertEquals(0, h.count(ALPHA, "idempotency_key", "idem_key = '" + key + "'"), "released");
        server.provider.answer = r -> CardCharge.approved("ch_ok");
        PaymentResult paid = h.asCashier(() -> server.pay(key, open.id(), card("15.50"))).result();
        assertEquals("COMPLETED", paid.orderStatus());
        Answer<PaymentResult> replay = h.asCashier(() -> server.pay(key, open.id(), card("15.50")));
        assertTrue(replay.replayed());
        assertEquals(201, replay.replay().status());
        assertEquals(2, server.provider.charges.size(), "the failed call and the one that charged; the replay called nothing");
    }
}
