package com.rms.platform.messaging;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One side-effect event as a consumer receives it: the tenant, type and id from the JMS properties
 * and the typed event of its JSON body, checked with the record's Bean Validation constraints.
 */
public record EventMessage(String tenant, EventType type, String eventId, SaleEvent event) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{1,29}");

    /**
     * Reads and checks the properties and the body of a message; anything that does not bind or
     * violates a constraint is a {@link MalformedEventException} naming the field.
     */
    public static EventMessage read(String tenant, String type, String eventId, String body, Validator validator) {
        if (tenant == null || !SLUG.matcher(tenant).matches()) {
            throw new MalformedEventException("no valid tenantId property (" + clip(tenant) + ")");
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("no eventType property");
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > 36) {
            throw new MalformedEventException("no valid eventId property (" + clip(eventId) + ")");
        }
        EventType eventType = EventType.of(type);
        SaleEvent event = EventJson.read(eventType, body);
        Set<ConstraintViolation<SaleEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(type + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        if (event.tenant() != null && !tenant.equals(event.tenant())) {
            throw new MalformedEventException("the payload's tenant differs from the tenantId property");
        }
        if (event.eventId() != null && !eventId.equals(event.eventId())) {
            throw new MalformedEventException("the payload's eventId differs from the eventId property");
        }
        // the properties are what the outbox stamped; the consumers read the id and tenant from the event
        return new EventMessage(tenant, eventType, eventId, event.stamped(eventId, tenant));
    }

    private static String clip(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return type.wireName() + " " + eventId + " of tenant " + tenant;
    }
}
