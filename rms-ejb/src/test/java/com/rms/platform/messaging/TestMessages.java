package com.rms.platform.messaging;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** JMS text messages as the outbox sends them, without a messaging engine. */
final class TestMessages {

    private TestMessages() {
    }

    /** A text message with these properties and body (a null property is absent). */
    static Message text(String tenant, String type, String eventId, String body) {
        Map<String, String> props = new HashMap<>();
        props.put("tenantId", tenant);
        props.put("eventType", type);
        props.put("eventId", eventId);
        return (Message) Proxy.newProxyInstance(TestMessages.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStringProperty" -> props.get((String) args[0]);
                    case "getIntProperty" -> 1;
                    case "getText" -> body;
                    case "toString" -> "message " + eventId;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
