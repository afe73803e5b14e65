package arq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arq.support.Await;
import arq.support.Rows;
import arq.support.RmsDeployment;
import arq.support.Sales;
import arq.support.Server;
import arq.support.Shops;
import arq.support.Shops.Shop;
import arq.support.Transactions;
import com.rms.platform.messaging.EventJson;
import com.rms.platform.messaging.EventType;
import com.rms.platform.messaging.ExceptionDestinations;
import com.rms.platform.messaging.ExceptionMessage;
import com.rms.platform.outbox.OutboxMessage;
import com.rms.platform.outbox.OutboxSender;
import com.rms.platform.paging.PageRequest;
import com.rms.pos.application.OrderView;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.application.TenantStore;
import com.rms.tenancy.domain.Tenant;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox relay and sweep and the side-effect consumers on the server's own messaging engine: a
 * committed sale is published and marked, and its three effects (stock, sales facts, loyalty points)
 * are applied once each; a rolled-back one is never published; a copy changes nothing; rows the
 * relay missed are swept in a batch; a malformed message lands in its exception destination without
 * blocking the queue; a message that could not be applied is applied once when re-driven.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private static final Duration APPLIED = Duration.ofSeconds(45);

    @Deployment
    static EnterpriseArchive deployment() {
        return RmsDeployment.ear();
    }

    @Inject
    Shops shops;

    @Inject
    Sales sales;

    @Inject
    OutboxSender sender;

    @Inject
    ExceptionDestinations exceptions;

    @Inject
    TenantStore tenantStore;

    @Inject
    TenantRegistry registry;

    @BeforeEach
    void ready() {
        Server.awaitReady();
    }

    @Test
    void aCommittedSaleIsPublishedAndAppliedOncePerConsumer() {
        Shop shop = shops.open("arqmsg", 10);
        Rows rows = shop.rows();
        OrderView one = sell(shop, 1);
        OrderView two = sell(shop, 2);

        for (OrderView sale : List.of(one, two)) {
            String event = eventOf(rows, sale);
            Await.equal("order " + sale.id() + " applied by the three consumers", APPLIED, 3L, () -> rows.appliedBy(event));
            assertEquals(1, rows.count("outbox", "event_id = ? and published_at is not null and attempts = 1", event));
            // stock: one SALE movement per recipe line; sales: a fact per line; loyalty: one EARN
            assertEquals(1, rows.count("stock_movement", "reason = 'SALE' and reference = ?", "order-" + sale.id()));
            assertEquals(1, rows.count("sales_fact", "event_id = ? and kind = 'SALE'", event));
            assertEquals(1, rows.count("loyalty_transaction", "event_id = ? and kind = 'EARN'", event));
        }
        assertEquals(new BigDecimal("7"), rows.onHand(shop.outlet(), shop.patty()));
        assertEquals(0, rows.count("stock_hold", null));
        Object points = rows.single("select points from " + rows.schema() + ".customer where id = ?", shop.customer());
        Object earned = rows.single("select sum(points) from " + rows.schema() + ".loyalty_transaction where customer_id = ?",
                shop.customer());
        assertTrue(((Number) points).longValue() > 0, "points earned: " + points);
        assertEquals(((Number) earned).longValue(), ((Number) points).longValue());
    }

    @Test
    void aRolledBackSaleIsNeverPublished() throws Exception {
        Shop shop = shops.open("arqroll", 10);
        Rows rows = shop.rows();
        UserTransaction tx = Transactions.userTransaction();
        tx.begin();
        try {
            OrderView unsold = shop.call(() -> sales.quickSale("sale-" + UUID.randomUUID(), Sales.cash(shop, 3, true)).result());
            assertEquals("COMPLETED", unsold.status());
        } finally {
            tx.rollback();
        }
        // a sale committed after it is published and applied; the rolled-back one never is
        OrderView sold = sell(shop, 1);
        String event = eventOf(rows, sold);
        Await.equal("the committed sale applied", APPLIED, 3L, () -> rows.appliedBy(event));
        Await.pause(1_000);
        assertEquals(1, rows.count("outbox", null));
        assertEquals(3, rows.count("processed_event", null));
        assertEquals(1, rows.count("sales_fact", null));
        assertEquals(1, rows.count("loyalty_transaction", null));
        assertEquals(new BigDecimal("9"), rows.onHand(shop.outlet(), shop.patty()));
    }

    @Test
    void aSecondDeliveryOfAnEventChangesNothing() {
        Shop shop = shops.open("arqdup", 10);
        Rows rows = shop.rows();
        OrderView first = sell(shop, 2);
        String event = eventOf(rows, first);
        Await.equal("the sale applied", APPLIED, 3L, () -> rows.appliedBy(event));
        long points = points(rows, shop);

        // the relay or the sweep sending the row again (a crash between send and mark): twice more
        OutboxMessage copy = outboxMessage(rows, event);
        sender.send(shop.slug(), List.of(copy, copy));
        OrderView marker = sell(shop, 1);
        String markerEvent = eventOf(rows, marker);
        Await.equal("a later sale applied", APPLIED, 3L, () -> rows.appliedBy(markerEvent));
        Await.pause(1_500);

        assertEquals(3, rows.appliedBy(event));
        assertEquals(1, rows.count("stock_movement", "reference = ?", "order-" + first.id()));
        assertEquals(1, rows.count("sales_fact", "event_id = ?", event));
        assertEquals(1, rows.count("loyalty_transaction", "event_id = ?", event));
        assertEquals(new BigDecimal("7"), rows.onHand(shop.outlet(), shop.patty()));
        long markerPoints = ((Number) rows.single("select points from " + rows.schema()
                + ".loyalty_transaction where event_id = ?", markerEvent)).longValue();
        assertEquals(points + markerPoints, points(rows, shop));
        // a no-op, acknowledged: not a failure parked in an exception destination
        assertTrue(exceptions.list(shop.slug(), null, PageRequest.of(0, 500)).items().isEmpty());
    }

    @Test
    void theSweepSendsInABatchWhatTheRelayMissed() {
        Shop shop = shops.open("arqsweep", 10);
        Rows rows = shop.rows();
        OrderView sale = sell(shop, 1);
        String event = eventOf(rows, sale);
        Await.equal("the sale applied", APPLIED, 3L, () -> rows.appliedBy(event));

        // three committed rows whose relay never ran (the server died after the commit): the same sale
        // as new events, written a minute ago
        String payload = (String) rows.single("select payload from " + rows.schema() + ".outbox where event_id = ?", event);
        List<String> missed = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        long id = 8_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        for (String missedEvent : missed) {
            String json = EventJson.write(EventJson.read(EventType.ORDER_COMPLETED, payload).stamped(missedEvent, shop.slug()));
            rows.update("insert into " + rows.schema() + ".outbox (id, event_id, event_type, aggregate_id, queues, payload, "
                    + "attempts, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)", id++, missedEvent, "order.completed",
                    "order:" + sale.id(), "RMS.Inventory,RMS.Analytics,RMS.Loyalty", json,
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        }
        for (String missedEvent : missed) {
            Await.equal("swept event " + missedEvent + " applied", APPLIED, 3L, () -> rows.appliedBy(missedEvent));
        }
        assertEquals(0, rows.count("outbox", "published_at is null"));
        assertEquals(3, rows.count("outbox", "event_id in (?, ?, ?) and attempts = 1", missed.toArray()));
        // what each consumer did with them is its own rule: facts per event, stock once per sale
        assertEquals(4, rows.count("sales_fact", null));
        assertEquals(1, rows.count("stock_movement", "reference = ?", "order-" + sale.id()));
        assertEquals(new BigDecimal("9"), rows.onHand(shop.outlet(), shop.patty()));
    }

    @Test
    void aMalformedMessageLandsInTheExceptionDestinationAndTheQueueGoesOn() {
        Shop shop = shops.open("arqbad", 10);
        Shop other = shops.open("arqbado", 10);
        Rows rows = shop.rows();
        String bad = UUID.randomUUID().toString();
        sender.send(shop.slug(), List.of(new OutboxMessage(0, bad, "order.completed", List.of("RMS.Analytics"),
                "{\"orderId\": \"not a number\"", null)));

        ExceptionMessage landed = awaitException(shop.slug(), bad);
        assertEquals("RMS.Analytics", landed.queue());
        assertEquals("RMS.Analytics.Exception", landed.exceptionQueue());
        assertEquals(shop.slug(), landed.tenant());
        assertEquals(1, landed.attempts());
        assertNotNull(landed.reason());
        assertTrue(landed.reason().contains("MalformedEventException"), landed.reason());
        assertEquals(0, rows.appliedBy(bad));

        // the queue is not blocked: a sale after it is applied
        OrderView sold = sell(shop, 1);
        String event = eventOf(rows, sold);
        Await.equal("a later sale applied", APPLIED, 3L, () -> rows.appliedBy(event));
        // and another tenant does not see it
        assertTrue(exceptions.list(other.slug(), null, PageRequest.of(0, 500)).items().isEmpty());
    }

    @Test
    void aMessageRedrivenOnceItsCauseIsFixedIsAppliedOnce() {
        Shop shop = shops.open("arqredo", 10);
        Rows rows = shop.rows();
        // the tenant's schema is under repair: every consumer refuses its events, which end in the
        // exception destinations after their attempts
        changeTenant(shop, t -> t.migrationFailed("under repair by the test"));
        OrderView sale;
        try {
            sale = sell(shop, 2);
            String event = eventOf(rows, sale);
            Await.equal("the sale's three messages in the exception destinations", APPLIED, 3L,
                    () -> exceptions.list(shop.slug(), null, PageRequest.of(0, 500)).items().stream()
                            .filter(m -> event.equals(m.eventId())).count());
            assertEquals(0, rows.appliedBy(event));
            assertEquals(new BigDecimal("10"), rows.onHand(shop.outlet(), shop.patty()));
        } finally {
            changeTenant(shop, t -> t.migrated(t.getSchemaVersion()));
        }
        String event = eventOf(rows, sale);

        assertEquals(3, exceptions.redriveAll(shop.slug(), null));
        Await.equal("the re-driven sale applied by the three consumers", APPLIED, 3L, () -> rows.appliedBy(event));
        Await.pause(1_000);
        assertEquals(1, rows.count("stock_movement", "reference = ?", "order-" + sale.id()));
        assertEquals(1, rows.count("sales_fact", "event_id = ?", event));
        assertEquals(1, rows.count("loyalty_transaction", "event_id = ?", event));
        assertEquals(new BigDecimal("8"), rows.onHand(shop.outlet(), shop.patty()));
        assertTrue(exceptions.list(shop.slug(), null, PageRequest.of(0, 500)).items().isEmpty());
        assertEquals(0, exceptions.redriveAll(shop.slug(), null));
    }

    private OrderView sell(Shop shop, int burgers) {
        return shop.call(() -> sales.quickSale("sale-" + UUID.randomUUID(), Sales.cash(shop, burgers, true)).result());
    }

    /** The id of the order.completed event the sale wrote. */
    private static String eventOf(Rows rows, OrderView sale) {
        Object id = rows.single("select event_id from " + rows.schema() + ".outbox where aggregate_id = ? and event_type = ?",
                "order:" + sale.id(), "order.completed");
        assertNotNull(id, "no order.completed row for order " + sale.id());
        return (String) id;
    }

    private static OutboxMessage outboxMessage(Rows rows, String event) {
        Object[] row = rows.row("select id, event_type, queues, payload from " + rows.schema() + ".outbox where event_id = ?",
                event);
        return new OutboxMessage(((Number) row[0]).longValue(), event, (String) row[1],
                Arrays.stream(((String) row[2]).split(",")).map(String::trim).toList(), (String) row[3], null);
    }

    private static long points(Rows rows, Shop shop) {
        return ((Number) rows.single("select points from " + rows.schema() + ".customer where id = ?", shop.customer()))
                .longValue();
    }

    private ExceptionMessage awaitException(String slug, String eventId) {
        ExceptionMessage[] found = new ExceptionMessage[1];
        Await.until("event " + eventId + " in an exception destination", APPLIED, () -> {
            found[0] = exceptions.list(slug, null, PageRequest.of(0, 500)).items().stream()
                    .filter(m -> eventId.equals(m.eventId())).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private void changeTenant(Shop shop, java.util.function.Consumer<Tenant> change) {
        registry.update(tenantStore.change(shop.slug(), change));
    }
}
