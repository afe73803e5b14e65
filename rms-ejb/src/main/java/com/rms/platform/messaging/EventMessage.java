package com.rms.platform.messaging;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One side-effect event as a consumer sees it: the tenant, type and id from the JMS properties and
 * the JSON payload. The accessors fail with {@link MalformedEventException} naming the field.
 */
public record EventMessage(String tenant, String type, String eventId, JsonObject payload) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{1,29}");

    /** Reads and checks the properties and the body of a message. */
    public static EventMessage of(String tenant, String type, String eventId, String body) {
        if (tenant == null || !SLUG.matcher(tenant).matches()) {
            throw new MalformedEventException("no valid tenantId property (" + tenant + ")");
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("no eventType property");
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > 36) {
            throw new MalformedEventException("no valid eventId property (" + eventId + ")");
        }
        if (body == null) {
            throw new MalformedEventException("no body");
        }
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            payload = reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new MalformedEventException("the body is not a JSON object", e);
        } catch (JsonException e) {
            throw new MalformedEventException("the body is not a JSON object", e);
        }
        if (payload.containsKey("tenant") && !tenant.equals(payload.getString("tenant", null))) {
            throw new MalformedEventException("the payload's tenant differs from the tenantId property");
        }
        return new EventMessage(tenant, type, eventId, payload);
    }

    public long requireLong(String field) {
        return requireLong(payload, field);
    }

    public Optional<Long> optionalLong(String field) {
        JsonValue value = payload.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        return Optional.of(requireLong(payload, field));
    }

    public BigDecimal requireMoney(String field) {
        return requireMoney(payload, field);
    }

    public String optionalString(String field) {
        return optionalString(payload, field);
    }

    public String requireString(String field) {
        String value = optionalString(payload, field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(field + ": is required");
        }
        return value;
    }

    /** The order lines of the payload (at least one). */
    public List<JsonObject> lines() {
        JsonValue value = payload.get("lines");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) value).isEmpty()) {
            throw new MalformedEventException("lines: must be a non-empty array");
        }
        try {
            return ((JsonArray) value).getValuesAs(JsonObject.class);
        } catch (ClassCastException e) {
            throw new MalformedEventException("lines: every line must be an object", e);
        }
    }

    public static long requireLong(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n.longValueExact();
        }
        throw new MalformedEventException(field + ": must be an integer");
    }

    public static BigDecimal requireMoney(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        throw new MalformedEventException(field + ": must be a number");
    }

    public static String optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedEventException(field + ": must be a string");
        }
        return json.getString(field);
    }

    @Override
    public String toString() {
        return type + " " + eventId + " of tenant " + tenant;
    }
}
