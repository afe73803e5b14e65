package com.rms.web.edge;

import com.rms.platform.error.RmsException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.IdempotencyKeys;
import com.rms.platform.security.CallerContext;
import com.rms.platform.text.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} contract at the edge: claims the key for the request's fingerprint
 * (method, path and the parsed body), replays a stored answer, and after the work either leaves the
 * answer the work stored with its transaction, stores a client error that changed nothing (400, 404,
 * 422: the same request will get the same answer), or releases the key for a retry (401, 403, 409,
 * 429, 5xx and anything unexpected).
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
     * Runs {@code work} once per key. The work must store its answer with
     * {@link IdempotencyKeys#complete} in its business transaction; its result is answered with {@code status}.
     */
    public Response once(String key, HttpServletRequest request, Object body, int status, Supplier<Object> work) {
        if (key == null) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError(HEADER, "is required on this request")));
        }
        IdempotencyKeys.require(key);
        IdempotencyKeys.Replay replay = keys.claim(key, fingerprint(request, body));
        if (replay != null) {
            return Response.status(replay.status()).type(replay.contentType()).entity(replay.body())
                    .header("Idempotent-Replayed", "true").build();
        }
        try {
            return Response.status(status).entity(work.get()).build();
        } catch (RmsException e) {
            if (STORED_ERRORS.contains(e.status())) {
                keys.completeAlone(key, e.status(), Problem.MEDIA_TYPE,
                        Problem.of(e, request.getRequestURI(), CallerContext.requestId()).toJson().toString());
            } else {
                keys.release(key);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            keys.release(key);
            throw e;
        }
    }
}
