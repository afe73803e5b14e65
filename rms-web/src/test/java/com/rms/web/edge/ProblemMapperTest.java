package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.TenantIsolationException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.security.CallerContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapper answers every kind without any servlet request (there is none here: no container, no
 * injection), and a failure inside it still answers a problem+json 500.
 */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @AfterEach
    void clear() {
        CallerContext.clear();
    }

    private static JsonObject json(ProblemMapper.Rendered rendered) {
        return Json.createReader(new StringReader(rendered.body())).readObject();
    }

    private void assertKind(RmsException thrown, int status, String kind) {
        ProblemMapper.Rendered rendered = mapper.render(thrown);
        assertEquals(status, rendered.status(), rendered::body);
        JsonObject body = json(rendered);
        assertEquals("urn:rms:problem:" + kind, body.getString("type"));
        assertEquals(status, body.getInt("status"));
    }

    @Test
    void everyKindIsMappedWithNoServletRequestAtAll() {
        assertKind(new ValidationException("bad"), 400, "validation");
        assertKind(new AuthenticationException("who"), 401, "authentication");
        assertKind(new AuthorizationException("no"), 403, "authorization");
        assertKind(new TenantIsolationException("other"), 403, "tenant-isolation");
        assertKind(new NotFoundException("none"), 404, "not-found");
        assertKind(new ConflictException("clash"), 409, "conflict");
        assertKind(new BusinessRuleException("rule"), 422, "business-rule");
        assertKind(new IdempotencyKeyReuseException("reuse"), 422, "idempotency-key-reuse");
        assertKind(new PayloadTooLargeException("big"), 413, "payload-too-large");
        assertKind(new ServiceUnavailableException("down", 7), 503, "service-unavailable");
        ProblemMapper.Rendered limited = mapper.render(new RateLimitedException("slow down", 3));
        assertEquals(429, limited.status());
        assertEquals(3L, limited.retryAfterSeconds());
        assertEquals("urn:rms:problem:rate-limited", json(limited).getString("type"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalProblemWithTheRequestIdOnly() {
        CallerContext.setRequestId("req-1");
        ProblemMapper.Rendered rendered = mapper.render(new IllegalStateException("select * from secret_table"));
        assertEquals(500, rendered.status());
        JsonObject body = json(rendered);
        assertEquals("urn:rms:problem:internal", body.getString("type"));
        assertEquals("req-1", body.getString("requestId"));
        assertFalse(rendered.body().contains("secret_table"));
    }

    @Test
    void aFailureInsideTheMapperItselfStillAnswersProblemJson500() {
        Throwable poisoned = new RuntimeException("outer") {
            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("the mapper's own walk over the causes fails");
            }
        };
        ProblemMapper.Rendered rendered = mapper.render(poisoned);
        assertEquals(500, rendered.status());
        assertEquals("urn:rms:problem:internal", json(rendered).getString("type"));
        assertNull(rendered.retryAfterSeconds());
    }

    @Test
    void theBodyLimitWrappedInTheBindersExceptionStays413() {
        JsonbException wrapped = new JsonbException("cannot read", new PayloadTooLargeException("over the limit"));
        assertEquals(413, mapper.render(wrapped).status());
        assertEquals(400, mapper.render(new JsonbException("not json")).status());
    }

    @Test
    void databaseErrorsThatMeanBadInputAre400AndConstraintClashes409() {
        SQLException tooLong = new SQLException("Value too long for column NOTE VARCHAR(200)", "22001");
        ProblemMapper.Rendered rendered = mapper.render(new RuntimeException("flush failed", tooLong));
        assertEquals(400, rendered.status());
        assertEquals("urn:rms:problem:validation", json(rendered).getString("type"));
        assertFalse(rendered.body().contains("VARCHAR"), "no SQL or column types: " + rendered.body());
        assertEquals(400, mapper.render(new RuntimeException(new SQLException("numeric field overflow", "22003"))).status());
        assertEquals(409, mapper.render(new RuntimeException(new SQLException("duplicate", "23505"))).status());
    }

    @Test
    void aDatabaseThatCannotBeReachedIs503WithRetryAfterNever500() {
        for (Throwable outage : List.of(
                new RuntimeException("read failed", new SQLException("Connection refused", "08001")),
                new jakarta.persistence.PersistenceException(new SQLException("terminating connection", "57P01")),
                new RuntimeException(new java.sql.SQLTransientConnectionException("no connection within the timeout")))) {
            ProblemMapper.Rendered rendered = mapper.render(outage);
            assertEquals(503, rendered.status(), rendered::body);
            assertEquals("urn:rms:problem:service-unavailable", json(rendered).getString("type"));
            assertEquals(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS, rendered.retryAfterSeconds());
            assertFalse(rendered.body().contains("refused") || rendered.body().contains("SQL"), rendered.body());
        }
        assertEquals(500, mapper.render(new RuntimeException(new SQLException("syntax error", "42601"))).status(),
                "a broken statement is still the server's own failure");
    }

    @Test
    void whatAProblemEchoesIsClipped() {
        String huge = "t".repeat(200_000);
        ProblemMapper.Rendered rendered = mapper.render(new ValidationException("no tenant '" + huge + "'",
                List.of(new RmsException.FieldError("X-Tenant-ID", huge))));
        assertEquals(400, rendered.status());
        assertTrue(rendered.body().length() < 2000, "clipped: " + rendered.body().length());
    }
}
