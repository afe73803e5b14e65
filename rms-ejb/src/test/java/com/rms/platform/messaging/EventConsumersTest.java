package com.rms.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.application.TenantStore;
import com.rms.tenancy.domain.Tenant;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Around every handler: the message is checked, the tenant carried, and every failure rethrown for redelivery. */
class EventConsumersTest {

    private static EventConsumers consumers() {
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
        return consumers;
    }

    /** A text message with these properties and body. */
    static Message message(String tenant, String type, String eventId, String body) {
        Map<String, String> props = new java.util.HashMap<>();
        props.put("tenantId", tenant);
        props.put("eventType", type);
        props.put("eventId", eventId);
        return (Message) Proxy.newProxyInstance(EventConsumersTest.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStringProperty" -> props.get((String) args[0]);
                    case "getIntProperty" -> 1;
                    case "getText" -> body;
                    case "toString" -> "message " + eventId;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aGoodMessageRunsTheHandlerAsItsTenantAndClearsTheThreadAfterwards() {
        List<String> seen = new ArrayList<>();
        consumers().consume("test", message("alpha", "order.completed", "e-1", "{\"orderId\":1}"), e -> seen.add(
                TenantContext.require().schema() + " " + CallerContext.current().username() + " " + e.type() + " "
                        + e.eventId() + " " + e.requireLong("orderId")));
        assertEquals(List.of("t_alpha system:test order.completed e-1 1"), seen);
        assertTrue(TenantContext.current().isEmpty());
        assertEquals("system", CallerContext.current().username());
    }

    @Test
    void malformedMessagesAndUnknownTenantsAreRethrownWithoutRunningTheHandler() {
        EventConsumers consumers = consumers();
        List<EventMessage> ran = new ArrayList<>();
        for (Message bad : List.of(
                message("alpha", "order.completed", "e-1", "{not json"),
                message("alpha", "order.completed", "e-1", "[1, 2]"),
                message("alpha", "order.completed", null, "{}"),
                message("alpha", null, "e-1", "{}"),
                message("Robert'); drop", "order.completed", "e-1", "{}"),
                message("nobody", "order.completed", "e-1", "{}"),
                message("alpha", "order.completed", "e-1", "{\"tenant\":\"beta\"}"))) {
            assertThrows(MalformedEventException.class, () -> consumers.consume("test", bad, ran::add), bad.toString());
        }
        assertEquals(List.of(), ran);
        assertTrue(TenantContext.current().isEmpty());
    }

    @Test
    void aTenantNotReadyAndAFailingHandlerAreRethrownForRedelivery() {
        EventConsumers consumers = consumers();
        // gamma is still PROVISIONING
        assertThrows(IllegalStateException.class,
                () -> consumers.consume("test", message("gamma", "order.completed", "e-1", "{}"), e -> { }));
        IllegalStateException boom = new IllegalStateException("database down");
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> consumers.consume("test", message("alpha", "order.completed", "e-2", "{}"), e -> {
                    throw boom;
                })));
        assertFalse(TenantContext.current().isPresent());
    }
}
