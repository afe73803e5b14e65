package com.rms.platform.messaging;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static com.rms.platform.messaging.ConsumerHarness.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.analytics.application.SalesFactsAccess;
import com.rms.platform.tenant.TenantContext.Tenant;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver's batch on the real schema with the analytics consumer: one transaction per tenant,
 * each event once however often it arrives, the event that cannot be applied isolated from the
 * rest of its batch, and a database outage waited for without counting against any message.
 */
class BatchApplierTest {

    private ConsumerHarness h;
    /** The tenant of every transaction the applier ran, in order. */
    private final List<String> transactions = new ArrayList<>();
    /** The pauses taken, in milliseconds. */
    private final List<Long> sleeps = new ArrayList<>();
    /** Event id → how many more times its transaction fails (as a deadlock would). */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA, BETA);
        h.seedOutlets(ALPHA);
        h.seedOutlets(BETA);
        // the persistence unit is deployed before anything fails, as the server's is at start
        h.run(ALPHA, em -> em.createNativeQuery("select count(*) from outlet").getSingleResult());
    }

    @AfterEach
    void close() {
        h.close();
    }

    private BatchApplier applier(int maxAttempts, OutageBackoff.Sleeper outageSleeper) {
        BatchApplier.Transaction real = h.transaction(em -> SalesFactsAccess.facts(em)::apply);
        BatchApplier.Transaction counted = (handler, tenant, events) -> {
            transactions.add(tenant + " " + events.size());
            for (EventMessage e : events) {
                Integer left = failures.get(e.eventId());
                if (left != null && left > 0) {
                    failures.put(e.eventId(), left - 1);
                    throw new IllegalStateException("deadlock detected on " + e.eventId());
                }
            }
            return real.apply(handler, tenant, events);
        };
        EventConsumers reader = new EventConsumers();
        reader.validator = ConsumerHarness.VALIDATOR;
        return new BatchApplier(ConsumerHarness.handler(EventConsumer.ANALYTICS), counted, reader::read,
                new OutageBackoff("test", Duration.ofMillis(250), Duration.ofSeconds(2), outageSleeper, () -> true),
                sleeps::add, maxAttempts);
    }

    private BatchApplier applier(int maxAttempts) {
        return applier(maxAttempts, millis -> {
            throw new AssertionError("no outage expected");
        });
    }

    static Message sale(String tenant, String eventId, long outletId) {
        return TestMessages.text(tenant, "order.completed", eventId, "{\"orderId\":" + Math.abs(eventId.hashCode())
                + ",\"outletId\":" + outletId + ",\"total\":9.90,\"completedAt\":\"2025-03-10T12:00:00Z\",\"lines\":["
                + EventConsumersTest.LINE + "]}");
    }

    private long facts(Tenant tenant) {
        return h.count(tenant, "sales_fact", null);
    }

    @Test
    void aBatchOfSeveralTenantsIsAppliedInOneTransactionPerTenantAndEachEventOnce() {
        List<Message> batch = List.of(sale("alpha", "e-1", 1), sale("beta", "e-2", 1), sale("alpha", "e-3", 2),
                sale("alpha", "e-1", 1), sale("beta", "e-4", 2));
        BatchApplier.Outcome first = applier(5).apply(batch);
        assertEquals(new BatchApplier.Outcome(4, 1, List.of()), first, "the copy of e-1 in the batch is a duplicate");
        assertEquals(List.of("alpha 3", "beta 2"), transactions);
        assertEquals(2, facts(ALPHA));
        assertEquals(2, facts(BETA));
        assertEquals(2, h.count(ALPHA, "processed_event", "consumer = 'analytics'"));

        BatchApplier.Outcome again = applier(5).apply(batch);
        assertEquals(new BatchApplier.Outcome(0, 5, List.of()), again, "a redelivered batch changes nothing");
        assertEquals(2, facts(ALPHA));
        assertEquals(2, facts(BETA));
    }

    @Test
    void aMalformedMessageAndAnEventTheConsumerRefusesAreIsolatedAndTheRestOfTheBatchIsApplied() {
        Message notJson = TestMessages.text("alpha", "order.completed", "e-2", "{\"orderId\": ");
        Message noSuchOutlet = sale("alpha", "e-3", 77);
        List<Message> batch = List.of(sale("alpha", "e-1", 1), notJson, noSuchOutlet, sale("alpha", "e-4", 1),
                sale("beta", "e-5", 1));
        BatchApplier.Outcome outcome = applier(5).apply(batch);
        assertEquals(3, outcome.applied());
        assertEquals(List.of(notJson, noSuchOutlet), outcome.rejected().stream().map(BatchApplier.Rejected::message).toList());
        assertTrue(outcome.rejected().get(0).reason().contains("does not bind"), outcome.rejected().get(0).reason());
        assertTrue(outcome.rejected().get(1).reason().contains("no outlet 77"), outcome.rejected().get(1).reason());
        assertEquals(1, outcome.rejected().get(1).attempts(), "an event that can never be applied is not tried again");
        // alpha's group failed on e-3, and was applied one by one; beta's group was not disturbed
        assertEquals(List.of("alpha 3", "alpha 1", "alpha 1", "alpha 1", "beta 1"), transactions);
        assertEquals(2, facts(ALPHA));
        assertEquals(1, facts(BETA));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFailureThatPassesIsRetriedAndOneThatLastsIsRejectedAfterItsAttemptsWithItsFirstReason() {
        failures.put("e-1", 1 + 2);       // the group, then two attempts alone: the third succeeds
        failures.put("e-2", 100);
        BatchApplier.Outcome outcome = applier(3).apply(List.of(sale("alpha", "e-1", 1), sale("alpha", "e-2", 1),
                sale("alpha", "e-3", 1)));
        assertEquals(2, outcome.applied());
        assertEquals(1, outcome.rejected().size());
        BatchApplier.Rejected rejected = outcome.rejected().get(0);
        assertEquals(3, rejected.attempts());
        assertEquals("IllegalStateException: deadlock detected on e-2", rejected.reason());
        assertEquals(2, facts(ALPHA));
        assertEquals(List.of(50L, 100L, 50L, 100L), sleeps, "short, growing pauses between attempts");
    }

    @Test
    void anOutageIsWaitedForWithoutCountingAnAttemptAndTheBatchIsAppliedOnceTheDatabaseAnswers() {
        List<Long> waited = new ArrayList<>();
        AtomicInteger until = new AtomicInteger(4);
        BatchApplier applier = applier(1, millis -> {
            waited.add(millis);
            if (until.decrementAndGet() == 0) {
                h.down.set(false);
            }
        });
        h.down.set(true);
        BatchApplier.Outcome outcome = applier.apply(List.of(sale("alpha", "e-1", 1), sale("beta", "e-2", 1),
                sale("alpha", "e-3", 1)));
        assertEquals(new BatchApplier.Outcome(3, 0, List.of()), outcome,
                "with one attempt per event, an outage counted as an attempt would have rejected them");
        assertEquals(List.of(250L, 500L, 1000L, 2000L), waited, "a growing pause, capped");
        assertEquals(List.of("alpha 2", "alpha 2", "alpha 2", "alpha 2", "alpha 2", "beta 1"), transactions,
                "the same group again until the database answers, then the next");
        assertEquals(2, facts(ALPHA));
        assertEquals(1, facts(BETA));
    }

    @Test
    void stoppingWhileTheDatabaseIsAwayGivesTheBatchBack() {
        BatchApplier applier = new BatchApplier(ConsumerHarness.handler(EventConsumer.ANALYTICS),
                h.transaction(em -> SalesFactsAccess.facts(em)::apply), new EventConsumers() {
                    {
                        validator = ConsumerHarness.VALIDATOR;
                    }
                }::read, new OutageBackoff("test", Duration.ofMillis(1), Duration.ofMillis(1), millis -> { }, () -> false),
                sleeps::add, 5);
        h.down.set(true);
        assertThrows(OutageBackoff.Stopped.class, () -> applier.apply(List.of(sale("alpha", "e-1", 1))));
        h.down.set(false);
        assertEquals(0, facts(ALPHA));
    }
}
