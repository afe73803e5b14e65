package com.rms.pos.application;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.tenancy.application.SchemaMigrator;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order's completions on the real schema: each has its own stock reference, a re-opening waits
 * until all three consumers applied the sale it reverses, the next completion until they applied
 * the re-opening; and orders completed before V7 get their completion from the outbox.
 */
class CompletionsTest {

    private ConsumerHarness h;

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA);
        h.seedOutlets(ALPHA);
        h.sql(ALPHA, order(900, "COMPLETED"));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static String order(long id, String status) {
        return "insert into pos_order (id, outlet_id, channel, status, currency, subtotal, discount_total, tax_total, total, "
                + "tips, paid, refunded, created_by, completed_at, created_at, updated_at) values (" + id + ", 1, 'TAKEAWAY', '"
                + status + "', 'EUR', 10, 0, 1, 10, 0, 10, 0, 'cashier', current_timestamp, current_timestamp, "
                + "current_timestamp)";
    }

    private <T> T with(java.util.function.Function<Completions, T> work) {
        return h.call(ALPHA, (EntityManager em) -> {
            Completions completions = new Completions();
            completions.em = em;
            completions.processed = ConsumerHarness.processed(em);
            return work.apply(completions);
        });
    }

    private void applied(String eventId, String... consumers) {
        for (String consumer : consumers) {
            h.sql(ALPHA, "insert into processed_event (consumer, event_id, event_type, processed_at) values ('" + consumer
                    + "', '" + eventId + "', 'x', current_timestamp)");
        }
    }

    @Test
    void aReopeningWaitsForTheSaleAndTheNextCompletionForTheReopening() {
        assertEquals(Integer.valueOf(1), with(c -> c.next(900)));
        assertEquals("order-900", with(c -> c.nextStockReference(900)));
        with(c -> {
            c.completed(900, 1, "c-1", BigDecimal.TEN, OffsetDateTime.now());
            return null;
        });
        assertThrows(IllegalStateException.class, () -> with(c -> c.next(900)), "completed and not re-opened");

        applied("c-1", "inventory", "analytics");
        assertThrows(ConflictException.class, () -> with(c -> c.toReopen(900)), "loyalty has not applied the sale yet");
        applied("c-1", "loyalty");
        Completions.Completion first = with(c -> c.toReopen(900));
        assertEquals(new Completions.Completion(1, "order-900", "c-1", null), first);

        with(c -> {
            c.reopened(900, 1, "cashier", "manager", "forgot the dessert", "r-1");
            return null;
        });
        assertThrows(BusinessRuleException.class, () -> with(c -> c.toReopen(900)), "already re-opened");
        assertEquals("order-900/2", with(c -> c.heldStockReference(900)), "what a hold for the next completion is under");
        applied("r-1", "inventory", "loyalty");
        assertThrows(ConflictException.class, () -> with(c -> c.next(900)), "analytics has not reversed the sale yet");
        applied("r-1", "analytics");
        assertEquals("order-900/2", with(c -> c.nextStockReference(900)));
        assertEquals(List.of(List.of(1, "order-900", "c-1", "cashier", "manager", "forgot the dessert", "r-1")),
                h.rows(ALPHA, "select seq, stock_reference, event_id, reopened_by, reopen_approved_by, reopen_reason, "
                        + "reopen_event_id from order_completion"));
    }

    @Test
    void ordersCompletedBeforeV7GetTheirCompletionFromTheOutbox() {
        String schema = "t_legacy";
        Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(h.dataSource).schemas(schema)
                .defaultSchema(schema).locations("classpath:db/migration/tenant").createSchemas(true)
                .callbackLocations("classpath:db/callback").target("6").load().migrate();
        var legacy = com.rms.platform.tenant.TenantContext.Tenant.of("legacy");
        h.seedOutlets(legacy);
        h.sql(legacy, order(901, "COMPLETED"), order(902, "OPEN").replace("current_timestamp, current_timestamp, "
                + "current_timestamp", "null, current_timestamp, current_timestamp"),
                "insert into outbox (id, event_id, event_type, aggregate_id, queues, payload, created_at) values "
                        + "(1, 'e-901', 'order.completed', 'order:901', 'RMS.Inventory', '{}', current_timestamp), "
                        + "(2, 'e-902', 'order.updated', 'order:902', 'RMS.Inventory', '{}', current_timestamp)");
        new SchemaMigrator(h.dataSource).migrateTenant(schema);
        assertEquals(List.of(List.of(901L, 1, "order-901", "e-901", "10")), h.rows(legacy,
                "select order_id, seq, stock_reference, event_id, total from order_completion"));
    }
}
