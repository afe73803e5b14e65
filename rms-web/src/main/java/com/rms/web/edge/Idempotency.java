package com.rms.web.edge;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.security.CallerContext;
import com.rms.platform.text.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} contract at the edge, on {@link IdempotencyKeys#once} (the one protocol,
 * which the POS screens use as well): claims the key for the request's fingerprint (method, path and
 * the parsed body), re-checks that the caller may see what a stored answer concerns and replays it
 * with its status and body, or runs the work; after the work either leaves the answer the work stored
 * with its transaction, stores a client error that changed nothing (400, 404, 422: the same request
 * will get the same answer), or releases the key for a retry (401, 403, 409, 429, 5xx and anything
 * unexpected). A request that stored something lasting before it failed (a quick sale's order) is
 * continued by its retry rather than replayed.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Set<Integer> STORED_ERRORS = Set.of(400, 404, 422);
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    IdempotencyKeys keys;

    /** The fingerprint of a request: what must be equal for a retry to be the same request. */
    public static String fingerprint(HttpServletRequest request, Object body) {
        return Hashes.sha256(request.getMethod() + " " + request.getRequestURI() + "\n"
                + (body == null ? "" : JSONB.toJson(body)));
    }

    /**
     * Runs {@code work} once per key; its result is answered with {@code status}. The work must store
     * its answer with {@link IdempotencyKeys#complete} in its business transaction; it is given the
     * order a first, partial attempt left (or null). {@code recheck} throws what a direct read would
     * (404, 403) when the caller may not see what a stored answer or that order concerns.
     */
    public Response once(String key, HttpServletRequest request, Object body, int status,
            BiConsumer<IdempotencyKeys.Replay, Long> recheck, Function<Long, Object> work) {
        if (key == null) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError(HEADER, "is required on this request")));
        }
        IdempotencyKeys.require(key);
        String instance = request.getRequestURI();
        return keys.once(key, fingerprint(request, body), failed -> STORED_ERRORS.contains(failed.status())
                ? Problem.of(failed, instance, CallerContext.requestId()).toJson().toString() : null,
                new IdempotencyKeys.Keyed<Response>() {
                    @Override
                    public Response run(Long resume) {
                        return Response.status(status).entity(work.apply(resume)).build();
                    }

                    @Override
                    public Response replay(IdempotencyKeys.Replay stored) {
                        return Response.status(stored.status()).type(stored.contentType()).entity(stored.body())
                                .header("Idempotent-Replayed", "true").build();
                    }

                    @Override
                    public void recheck(IdempotencyKeys.Replay stored, Long resume) {
                        recheck.accept(stored, resume);
                    }
                });
    }

    /** The {@code id} of a stored JSON answer, or null when it has none (a problem). */
    public static Long storedId(IdempotencyKeys.Replay stored) {
        if (stored == null || stored.status() >= 300 || stored.body() == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored.body()))) {
            JsonValue id = reader.readObject().get("id");
            return id instanceof JsonNumber n ? n.longValue() : null;
        }
    }
}
