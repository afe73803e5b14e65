package com.rms.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.application.TenantStore;
import com.rms.tenancy.domain.Tenant;
import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Around every handler: a message is read into a typed, checked event (or refused as malformed,
 * naming what is wrong), and a batch is applied as its tenant with a system caller, in one
 * transaction, with every failure thrown to the receiver.
 */
class EventConsumersTest {

    /** What the handler saw, and where. */
    private final List<String> seen = new ArrayList<>();

    private EventConsumers consumers() {
        Map<String, Tenant> rows = Map.of("alpha", new Tenant("alpha", "Alpha", "EUR", "UTC", null),
                "gamma", new Tenant("gamma", "Gamma", "EUR", "UTC", null));
        rows.get("alpha").migrated("5");
        TenantStore store = new TenantStore() {
            @Override
            public Optional<Tenant> find(String slug) {
                return Optional.ofNullable(rows.get(slug));
            }

            @Override
            public List<Tenant> all() {
                return List.copyOf(rows.values());
            }
        };
        TenantRegistry registry = new TenantRegistry();
        ConsumerHarness.inject(registry, "store", store);
        registry.reload();
        EventConsumers consumers = new EventConsumers();
        consumers.tenants = registry;
        consumers.validator = ConsumerHarness.VALIDATOR;
        consumers.transactions = new EventTransactions() {
            @Override
            public int apply(EventHandler handler, List<EventMessage> events) {
                events.forEach(e -> handler.apply(e.event()));
                return events.size();
            }
        };
        return consumers;
    }

    private final EventHandler handler = new EventHandler() {
        @Override
        public EventConsumer consumer() {
            return EventConsumer.LOYALTY;
        }

        @Override
        public void apply(SaleEvent event) {
            seen.add(TenantContext.require().schema() + " " + CallerContext.current().username() + " "
                    + event.getClass().getSimpleName() + " " + event.orderId());
        }
    };

    static final String LINE = "{\"lineId\":1,\"menuItemId\":100,\"quantity\":2,\"net\":9,\"tax\":0.9,\"gross\":9.9,"
            + "\"modifierIds\":[201]}";

    static String completed(long orderId) {
        return "{\"orderId\":" + orderId + ",\"outletId\":1,\"total\":9.90,\"customerId\":null,\"lines\":[" + LINE + "]}";
    }

    @Test
    void aGoodMessageIsReadIntoItsTypedEvent() {
        EventMessage read = consumers().read(TestMessages.text("alpha", "order.completed", "e-1", completed(7)));
        assertEquals(EventType.ORDER_COMPLETED, read.type());
        assertEquals("e-1", read.eventId());
        OrderCompleted event = assertInstanceOf(OrderCompleted.class, read.event());
        assertEquals(7L, event.orderId());
        assertEquals(0, new BigDecimal("9.9").compareTo(event.lines().get(0).gross()));
        assertEquals(List.of(201L), event.lines().get(0).modifierIds());
    }

    @Test
    void malformedMessagesAreRefusedNamingWhatIsWrong() {
        EventConsumers consumers = consumers();
        List<Map.Entry<Message, String>> bad = new ArrayList<>();
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "{not json"), "does not bind"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "[1, 2]"), "does not bind"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", null, "{}"), "eventId"));
        bad.add(Map.entry(TestMessages.text("alpha", null, "e-1", "{}"), "eventType"));
        bad.add(Map.entry(TestMessages.text("Robert'); drop", "order.completed", "e-1", "{}"), "tenantId"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.voided", "e-1", completed(7)), "unknown event type order.voided"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "{\"orderId\":\"seven\"}"), "does not bind"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "{\"orderId\":7,\"outletId\":1,\"total\":1,"
                + "\"lines\":[]}"), "lines: must not be empty"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "{\"outletId\":1,\"total\":1,\"lines\":[" + LINE
                + "]}"), "orderId: must not be null"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", "{\"orderId\":7,\"outletId\":1,\"total\":1,"
                + "\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":-1,\"net\":1,\"tax\":0,\"gross\":1}]}"),
                "lines[0].quantity"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", completed(7).replace("}]}", "}],\"tenant\":\"beta\"}")),
                "tenant differs"));
        bad.add(Map.entry(TestMessages.text("alpha", "order.completed", "e-1", completed(7).replace("}]}", "}],\"eventId\":\"e-2\"}")),
                "eventId differs"));
        bad.add(Map.entry((Message) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Message.class},
                (p, m, a) -> m.getName().equals("getStringProperty") ? "alpha" : null), "not a text message"));
        bad.forEach(entry -> {
            String why = entry.getValue();
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> consumers.read(entry.getKey()), why);
            assertTrue(e.getMessage().contains(why), e.getMessage() + " should say " + why);
        });
    }

    @Test
    void aBatchRunsAsItsTenantWithASystemCallerAndClearsTheThreadAfterwards() {
        EventConsumers consumers = consumers();
        EventMessage one = consumers.read(TestMessages.text("alpha", "order.completed", "e-1", completed(7)));
        EventMessage two = consumers.read(TestMessages.text("alpha", "order.completed", "e-2", completed(8)));
        assertEquals(2, consumers.apply(handler, "alpha", List.of(one, two)));
        assertEquals(List.of("t_alpha system:loyalty OrderCompleted 7", "t_alpha system:loyalty OrderCompleted 8"), seen);
        assertTrue(TenantContext.current().isEmpty());
        assertEquals("system", CallerContext.current().username());
    }

    @Test
    void anUnknownTenantIsMalformedATenantNotReadyAndAFailingHandlerAreThrown() {
        EventConsumers consumers = consumers();
        EventMessage nobody = consumers.read(TestMessages.text("nobody", "order.completed", "e-1", completed(7)));
        assertThrows(MalformedEventException.class, () -> consumers.apply(handler, "nobody", List.of(nobody)));
        // gamma is still PROVISIONING
        EventMessage gamma = consumers.read(TestMessages.text("gamma", "order.completed", "e-1", completed(7)));
        assertThrows(IllegalStateException.class, () -> consumers.apply(handler, "gamma", List.of(gamma)));
        IllegalStateException boom = new IllegalStateException("deadlock detected");
        EventHandler failing = ConsumerHarness.handler(EventConsumer.LOYALTY);
        EventMessage alpha = consumers.read(TestMessages.text("alpha", "order.completed", "e-2", completed(7)));
        consumers.transactions = new EventTransactions() {
            @Override
            public int apply(EventHandler h, List<EventMessage> events) {
                throw boom;
            }
        };
        assertSame(boom, assertThrows(IllegalStateException.class, () -> consumers.apply(failing, "alpha", List.of(alpha))));
        assertEquals(List.of(), seen);
        assertFalse(TenantContext.current().isPresent());
    }
}
