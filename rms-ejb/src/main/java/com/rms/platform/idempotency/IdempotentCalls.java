package com.rms.platform.idempotency;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The Idempotency-Key protocol ({@link IdempotencyKeys#once}) for callers without an HTTP layer (the
 * POS screens), as {@code web.edge.Idempotency} is for the REST edge: the same claim, replay, stored
 * failures and release; only the answer's shape differs.
 */
@ApplicationScoped
public class IdempotentCalls {

    /** JSON-B made on first use (a holder class), not when the class loads. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Inject
    IdempotencyKeys keys;

    /**
     * The work's result, or a stored success read back as {@code answer}; a stored failure is refused
     * (422) rather than replayed, since a screen has no status to show it with. Failures are stored as
     * plain problem documents.
     */
    public <T> T call(String key, String fingerprint, Class<T> answer, String what, Keyed<T> work) {
        Answer<T> done = keys.once(key, fingerprint, IdempotentCalls::problemDocument, work);
        if (!done.replayed()) {
            return done.result();
        }
        if (done.replay().status() / 100 == 2) {
            return Holder.JSONB.fromJson(done.replay().body(), answer);
        }
        throw new BusinessRuleException("this " + what + " was already answered with status " + done.replay().status());
    }

    /** A failure as a problem document (RFC 9457) without a request's instance. */
    public static String problemDocument(RmsException failure) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "urn:rms:problem:" + failure.kind()).add("title", failure.title())
                .add("status", failure.status()).add("detail", String.valueOf(failure.getMessage()));
        JsonArrayBuilder errors = Json.createArrayBuilder();
        failure.errors().forEach(e -> errors.add(Json.createObjectBuilder().add("field", e.field())
                .add("message", e.message())));
        problem.add("errors", errors);
        failure.extensions().forEach(problem::add);
        return problem.build().toString();
    }
}
