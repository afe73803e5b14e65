package com.rms.customer.application;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static com.rms.platform.messaging.ConsumerHarness.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventMessage;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext.Tenant;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers found or created by phone/email, and points credited, reversed and never booked twice. */
class LoyaltyTest {

    private ConsumerHarness h;
    private BigDecimal rate = BigDecimal.ONE;

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA, BETA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static Customers customers(EntityManager em) {
        Customers customers = new Customers();
        customers.em = em;
        return customers;
    }

    /** Applies the event as the loyalty consumer's transaction does: once per event id. */
    private void apply(EventMessage event) {
        h.run(ALPHA, em -> {
            Loyalty loyalty = new Loyalty();
            loyalty.em = em;
            loyalty.pointsPerUnit = rate;
            ConsumerHarness.applyNew(em, EventConsumer.LOYALTY, loyalty::apply, List.of(event));
        });
    }

    private FoundOrCreated findOrCreate(Tenant tenant, String name, String phone, String email) {
        return h.call(tenant, em -> customers(em).findOrCreate(new CustomerCommand(name, phone, email)));
    }

    private LoyaltyView loyalty(long id) {
        return h.call(ALPHA, em -> customers(em).loyalty(id));
    }

    private static EventMessage completed(String eventId, long orderId, Long customerId, String total) {
        return ConsumerHarness.event(ALPHA, "order.completed", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"number\":\"A-" + orderId + "\",\"customerId\":" + customerId + ",\"total\":" + total
                + ",\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":1,\"net\":1,\"tax\":0,\"gross\":1}]}");
    }

    private static EventMessage refunded(String eventId, long orderId, String amount, String total) {
        return ConsumerHarness.event(ALPHA, "order.refunded", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"refundId\":" + (900 + orderId) + ",\"amount\":" + amount + ",\"total\":" + total
                + ",\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":1,\"net\":1,\"tax\":0,\"gross\":1}]}");
    }

    @Test
    void findOrCreateMatchesNormalisedPhoneOrEmailWithinTheTenantOnly() {
        FoundOrCreated ada = findOrCreate(ALPHA, "Ada", "+49 170 123-4567", null);
        assertTrue(ada.created());
        assertEquals("+491701234567", ada.customer().phone());
        FoundOrCreated again = findOrCreate(ALPHA, "Someone else", "+49 (170) 1234567", "ADA@example.org");
        assertFalse(again.created());
        assertEquals(ada.customer().id(), again.customer().id());
        assertEquals("Ada", again.customer().name(), "an existing customer is returned as is");

        FoundOrCreated byEmail = findOrCreate(ALPHA, "Bob", null, "Bob@Example.org");
        assertEquals("bob@example.org", byEmail.customer().email());
        assertEquals(byEmail.customer().id(), findOrCreate(ALPHA, null, null, "bob@example.org").customer().id());

        FoundOrCreated inBeta = findOrCreate(BETA, "Ada B", "+491701234567", null);
        assertTrue(inBeta.created(), "the same phone in another tenant is another customer");
        assertThrows(NotFoundException.class, () -> loyalty(inBeta.customer().id()), "another tenant's customer");

        assertEquals(List.of("Ada"), h.call(ALPHA, em -> customers(em).search("170 123", new PageRequest(0, 50)))
                .items().stream().map(CustomerView::name).toList());
        assertEquals(List.of("Bob"), h.call(ALPHA, em -> customers(em).search("bob", new PageRequest(0, 50)))
                .items().stream().map(CustomerView::name).toList());
        assertEquals(2, h.call(ALPHA, em -> customers(em).search(null, new PageRequest(0, 50))).total());

        ValidationException none = assertThrows(ValidationException.class, () -> findOrCreate(ALPHA, "X", " ", null));
        assertEquals("phone", none.errors().get(0).field());
        assertThrows(ValidationException.class, () -> findOrCreate(ALPHA, "X", "12", "not-an-email"));
    }

    @Test
    void aCompletedOrderCreditsFloorOfTotalTimesRateOnce() {
        long ada = findOrCreate(ALPHA, "Ada", "+491701234567", null).customer().id();
        rate = new BigDecimal("2.5");
        apply(completed("e-1", 500, ada, "23.75"));   // 59.375
        apply(completed("e-1", 500, ada, "23.75"));
        LoyaltyView view = loyalty(ada);
        assertEquals(59, view.points());
        assertEquals(1, view.transactions().size(), view.toString());
        assertEquals("EARN", view.transactions().get(0).kind());

        apply(completed("e-2", 501, null, "50.00"));
        assertEquals(59, loyalty(ada).points(), "an order without a customer credits nobody");
        assertEquals(2, h.count(ALPHA, "processed_event", "consumer = 'loyalty'"));
    }

    @Test
    void refundsTakeBackProportionallyAndEachOnce() {
        long ada = findOrCreate(ALPHA, "Ada", "+491701234567", null).customer().id();
        apply(completed("e-1", 500, ada, "23.75"));   // 23 points
        apply(refunded("e-2", 500, "10.00", "23.75")); // floor(23 x 10 / 23.75) = 9
        apply(refunded("e-2", 500, "10.00", "23.75"));
        assertEquals(14, loyalty(ada).points());
        apply(refunded("e-3", 500, "0.01", "23.75"));  // floor(23 x 10.01 / 23.75) = 9: nothing more yet
        assertEquals(14, loyalty(ada).points());
        apply(refunded("e-4", 500, "13.74", "23.75")); // floor(23 x 23.75 / 23.75) = 23: the remaining 14
        LoyaltyView view = loyalty(ada);
        assertEquals(0, view.points());
        assertEquals(List.of("REFUND -14 0", "REFUND 0 14", "REFUND -9 14", "EARN 23 23"), view.transactions().stream()
                .map(t -> t.kind() + " " + t.points() + " " + t.balanceAfter()).toList());
        assertEquals("[[0]]", h.rows(ALPHA, "select sum(points) from loyalty_transaction").toString(),
                "the balance is the sum of the ledger");
    }

    @Test
    void aFullRefundInPartsReversesExactlyWhatWasEarned() {
        long ada = findOrCreate(ALPHA, "Ada", "+491701234567", null).customer().id();
        apply(completed("e-1", 500, ada, "10.00"));
        apply(refunded("e-2", 500, "3.33", "10.00"));
        apply(refunded("e-3", 500, "3.33", "10.00"));
        apply(refunded("e-4", 500, "3.34", "10.00"));
        assertEquals(0, loyalty(ada).points());
    }

    @Test
    void anUnknownCustomerOrABadRefundThrowsAndBooksNothing() {
        assertThrows(MalformedEventException.class, () -> apply(completed("e-1", 500, 424242L, "10.00")));
        long ada = findOrCreate(ALPHA, "Ada", "+491701234567", null).customer().id();
        apply(completed("e-2", 501, ada, "10.00"));
        assertThrows(MalformedEventException.class, () -> apply(refunded("e-3", 501, "11.00", "10.00")));
        assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(ALPHA, "order.paid", "e-4", "{}")));
        assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(ALPHA, "order.voided", "e-5",
                "{\"orderId\":501,\"outletId\":1}")), "order.voided is produced by nobody and read by nobody");
        assertEquals(10, loyalty(ada).points());
        assertEquals(1, h.count(ALPHA, "processed_event", null), "only the event that was applied");
    }

    private static EventMessage reopened(String eventId, long orderId, String completionEventId) {
        return ConsumerHarness.event(ALPHA, "order.reopened", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,\"total\":1,"
                + "\"completionEventId\":\"" + completionEventId + "\",\"stockReference\":\"order-" + orderId + "\","
                + "\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":1,\"net\":1,\"tax\":0,\"gross\":1}]}");
    }

    @Test
    void aReopeningTakesBackItsCompletionAndTheNextCompletionEarnsAnewAndIsWhatRefundsScale() {
        long ada = findOrCreate(ALPHA, "Ada", "+491701234567", null).customer().id();
        apply(completed("c-1", 500, ada, "20.00"));
        apply(reopened("r-1", 500, "c-1"));
        apply(reopened("r-1", 500, "c-1"));
        assertEquals(0, loyalty(ada).points(), "the re-opened completion's 20 points are taken back once");
        apply(completed("c-2", 500, ada, "30.00"));
        assertEquals(30, loyalty(ada).points());
        apply(refunded("f-1", 500, "15.00", "30.00"));
        assertEquals(15, loyalty(ada).points(), "a refund scales what the latest completion earned");
        apply(reopened("r-2", 500, "c-404"));
        assertEquals(15, loyalty(ada).points(), "a re-opening of a completion that earned nothing takes nothing");
        assertEquals(List.of("REFUND -15 15", "EARN 30 30", "VOID -20 0", "EARN 20 20"), loyalty(ada).transactions()
                .stream().map(t -> t.kind() + " " + t.points() + " " + t.balanceAfter()).toList());
        MalformedEventException noCompletion = assertThrows(MalformedEventException.class, () -> apply(
                ConsumerHarness.event(ALPHA, "order.reopened", "r-3", "{\"orderId\":500,\"outletId\":1,\"total\":1,"
                + "\"stockReference\":\"order-500\",\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":1,"
                + "\"net\":1,\"tax\":0,\"gross\":1}]}")), "a re-opening names its completion");
        assertTrue(noCompletion.getMessage().contains("completionEventId"), noCompletion.getMessage());
    }
}
