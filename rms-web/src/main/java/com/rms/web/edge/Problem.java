package com.rms.web.edge;

import com.rms.platform.error.RateLimitedException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ConflictException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem of the public contract: {@code urn:rms:problem:<kind>} and its fields. */
public record Problem(String kind, int status, String title, String detail, String instance, String requestId,
        List<FieldError> errors, Long retryAfterSeconds, JsonValue current, Map<String, Long> extensions) {

    public Problem(String kind, int status, String title, String detail, String instance, String requestId,
            List<FieldError> errors, Long retryAfterSeconds) {
        this(kind, status, title, detail, instance, requestId, errors, retryAfterSeconds, null, Map.of());
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * What a problem may echo of the request is clipped (a detail or a path can carry client input
     * of any length): an answer, and every log line made from it, stays a few hundred characters.
     */
    static final int MAX_DETAIL = 500;
    static final int MAX_INSTANCE = 200;
    static final int MAX_FIELD = 100;
    static final int MAX_MESSAGE = 300;

    public Problem {
        detail = clip(detail, MAX_DETAIL);
        instance = clip(instance, MAX_INSTANCE);
        if (errors != null) {
            errors = errors.stream()
                    .map(e -> new FieldError(clip(String.valueOf(e.field()), MAX_FIELD), clip(String.valueOf(e.message()), MAX_MESSAGE)))
                    .toList();
        }
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }

    public static Problem of(RmsException e, String instance, String requestId) {
        Long retryAfter = null;
        if (e instanceof RateLimitedException r) {
            retryAfter = r.retryAfterSeconds();
        } else if (e instanceof ServiceUnavailableException s) {
            retryAfter = s.retryAfterSeconds();
        }
        JsonValue current = null;
        if (e instanceof ConflictException c && c.current() != null) {
            try {
                current = Json.createReader(new StringReader(Binder.JSONB.toJson(c.current()))).readValue();
            } catch (RuntimeException failure) {
                throw new IllegalStateException("cannot write the current state of a conflict", failure);
            }
        }
        return new Problem(e.kind(), e.status(), e.title(), e.getMessage(), instance, requestId, e.errors(), retryAfter,
                current, e.extensions());
    }

    /** Writes this problem as the whole response, for code outside JAX-RS (servlet filters). */
    public void write(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        response.getOutputStream().write(toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Shared.JSON.createObjectBuilder()
                .add("type", "urn:rms:problem:" + kind)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (requestId != null) {
            json.add("requestId", requestId);
        }
        if (errors != null && !errors.isEmpty()) {
            JsonArrayBuilder list = Shared.JSON.createArrayBuilder();
            errors.forEach(e -> list.add(Shared.JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        if (current != null) {
            json.add("current", current);
        }
        if (extensions != null) {
            extensions.forEach((name, value) -> json.add(name, value.longValue()));
        }
        return json.build();
    }

    /** Built once: the JSON-P provider lookup is costly, and the factory is thread-safe. */
    private static final class Shared {
        static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    }

    /** A JSON-B instance, built once and only when a conflict shows the current state (thread-safe). */
    private static final class Binder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
