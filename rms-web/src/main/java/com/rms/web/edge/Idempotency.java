package com.rms.web.edge;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.Answer;
import com.rms.platform.idempotency.Attempt;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.idempotency.Keyed;
import com.rms.platform.idempotency.Replay;
import com.rms.platform.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} header at the edge, a thin adapter of {@link IdempotencyKeys#once} (the
 * one protocol, which the POS screens run as well): the key is required, the request's fingerprint is
 * its operation and command (as the screens compute it), a failure stored as the key's answer is the
 * problem+json this edge answers with, and an answer is a {@code Response}: the work's result with
 * {@code status}, or the stored answer with its status, body and {@code Idempotent-Replayed: true}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    IdempotencyKeys keys;

    /**
     * Runs {@code work} once per key; {@code recheck} throws what a direct read would (404, 403) when the
     * caller may not see what a stored answer (or the order a partial attempt left) concerns.
     */
    public Response once(String key, HttpServletRequest request, String operation, Object command, int status,
            BiConsumer<Replay, Long> recheck, Function<Attempt, Object> work) {
        return once(key, request, operation, command, result -> Response.status(status).entity(result).build(), recheck,
                work);
    }

    /**
     * As {@link #once(String, HttpServletRequest, String, Object, int, BiConsumer, Function)}, for work whose
     * status depends on its result ({@code answer} makes the response of a first run; the work stores the
     * same status and body as the key's answer, which a replay gives back).
     */
    public <T> Response once(String key, HttpServletRequest request, String operation, Object command,
            Function<T, Response> answer, BiConsumer<Replay, Long> recheck, Function<Attempt, T> work) {
        if (key == null) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError(HEADER, "is required on this request")));
        }
        String instance = request.getRequestURI();
        Answer<T> result = keys.once(key, IdempotencyKeys.fingerprint(operation, command),
                failed -> Problem.of(failed, instance, CallerContext.requestId()).toJson().toString(),
                new Keyed<>() {
                    @Override
                    public T run(Attempt attempt) {
                        return work.apply(attempt);
                    }

                    @Override
                    public void recheck(Replay stored, Long resume) {
                        recheck.accept(stored, resume);
                    }
                });
        if (!result.replayed()) {
            return answer.apply(result.result());
        }
        Replay stored = result.replay();
        return Response.status(stored.status()).type(stored.contentType()).entity(stored.body())
                .header("Idempotent-Replayed", "true").build();
    }

    /** The {@code id} of a stored JSON answer, or null when it has none (a problem). */
    public static Long storedId(Replay stored) {
        if (stored == null || stored.status() >= 300 || stored.body() == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored.body()))) {
            JsonValue id = reader.readObject().get("id");
            return id instanceof JsonNumber n ? n.longValue() : null;
        }
    }
}
