package com.rms.web.edge;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.TokenBucket;
import com.rms.platform.security.RequestFacts;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one place where anything thrown becomes a response: application exceptions by their kind,
 * the framework's own by status, everything else as a 500 that carries only the request id (the
 * cause is logged, never returned).
 *
 * <p>It reads the request only from the {@link RequestFacts} the edge filter put on the thread, never
 * from an injected {@code HttpServletRequest}: RESTEasy's context proxy was seen throwing on some
 * server instances, and an error path that can fail turns every 401, 404 and 429 into a 500. For
 * the same reason a failure inside the mapper itself still answers a problem+json 500.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final RmsLog LOG = RmsLog.of(ProblemMapper.class);
    /** One line a second about an outage is enough: every request fails alike while it lasts. */
    private static final TokenBucket OUTAGE_LOGS = new TokenBucket(1, 1, System.nanoTime());
    /** What a client is told to wait when the database cannot be reached: readiness notices within a second. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 2;
    private static final String MALFORMED = "the body is not valid JSON of the expected shape";
    /** HTTP-level refusals that are not application errors: their own status and kind. */
    private static final Map<Integer, String[]> PROTOCOL_KINDS = Map.of(
            405, new String[] {"method-not-allowed", "The method is not allowed on this resource"},
            406, new String[] {"not-acceptable", "The requested media type cannot be produced"},
            415, new String[] {"unsupported-media-type", "The body must be application/json"});
    /** Written as is when even building a problem failed: no code path left that can throw. */
    static final String LAST_RESORT = "{\"type\":\"urn:rms:problem:internal\",\"title\":\"Internal error\","
            + "\"status\":500,\"detail\":\"an unexpected error occurred\"}";

    /** A problem ready to send: status, JSON body and the Retry-After seconds if any. */
    record Rendered(int status, String body, Long retryAfterSeconds) {
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Rendered rendered = render(thrown);
        Response.ResponseBuilder response = Response.status(rendered.status()).type(Problem.MEDIA_TYPE)
                .entity(rendered.body());
        if (rendered.retryAfterSeconds() != null) {
            response.header("Retry-After", rendered.retryAfterSeconds());
        }
        return response.build();
    }

    /** The answer to {@code thrown}; never throws. */
    Rendered render(Throwable thrown) {
        try {
            Problem problem = problemFor(thrown);
            return new Rendered(problem.status(), problem.toJson().toString(), problem.retryAfterSeconds());
        } catch (RuntimeException | Error failure) {
            try {
                LOG.error(LogContext.REQUEST, "the error mapper failed while answering a request", failure);
                Problem internal = internal();
                return new Rendered(500, internal.toJson().toString(), null);
            } catch (RuntimeException | Error again) {
                return new Rendered(500, LAST_RESORT, null);
            }
        }
    }

    private Problem problemFor(Throwable thrown) {
        RequestFacts request = CallerContext.request();
        if (thrown instanceof WebApplicationException web && PROTOCOL_KINDS.containsKey(web.getResponse().getStatus())) {
            int status = web.getResponse().getStatus();
            String[] kind = PROTOCOL_KINDS.get(status);
            return new Problem(kind[0], status, kind[1], request.method() + " " + request.path(), request.path(),
                    CallerContext.requestId(), null, null);
        }
        RmsException problem = translate(thrown);
        if (problem == null) {
            LOG.error(LogContext.REQUEST, "unexpected failure of " + request.method() + " " + request.path(), thrown);
            return internal();
        }
        if (problem.status() == 503 && DatabaseOutage.isOutage(thrown) && OUTAGE_LOGS.tryTake(System.nanoTime()) == 0) {
            LOG.warn(LogContext.REQUEST, "database unreachable during " + request.method() + " " + request.path()
                    + ": " + RmsLog.clip(String.valueOf(thrown)));
        }
        if (problem.status() == 401 || problem.status() == 403) {
            LOG.warn(LogContext.SECURITY, problem.kind() + " " + request.method() + " " + request.path()
                    + ": " + RmsLog.clip(problem.getMessage()));
        }
        return Problem.of(problem, request.path(), CallerContext.requestId());
    }

    private static Problem internal() {
        String path = CallerContext.request().path();
        return new Problem("internal", 500, "Internal error",
                "an unexpected error occurred; quote the request id when reporting it", path.isEmpty() ? null : path,
                CallerContext.requestId(), null, null);
    }

    /** The application exception a throwable stands for, or null when it is a genuine failure. */
    private static RmsException translate(Throwable thrown) {
        // An application exception anywhere in the chain wins: a 413 of the body limit arrives
        // wrapped in the JSON binder's exception and must not become a 400 "malformed".
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RmsException rms) {
                return rms;
            }
        }
        if (DatabaseOutage.isOutage(thrown)) {
            // Not the request's fault and not a defect: the client retries shortly, and readiness
            // takes the server out of the balancer meanwhile. No stack: the cause is in the class.
            return new ServiceUnavailableException("the database cannot be reached; retry shortly",
                    DATABASE_RETRY_AFTER_SECONDS);
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return new ConflictException("the record was changed by someone else; reload and try again");
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return new ValidationException(MALFORMED);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("23")) {
                    return new ConflictException("the change conflicts with existing data");
                }
                if (sql.getSQLState().startsWith("22")) {
                    // Data exceptions (a string too long, a numeric overflow, an invalid value): the
                    // request did not fit the columns. The database's message names tables and SQL,
                    // so only its class is told.
                    return new ValidationException("a value of the request does not fit what can be stored "
                            + "(too long, too large or too precise)");
                }
            }
            if (t instanceof WebApplicationException web) {
                return fromStatus(web.getResponse().getStatus());
            }
        }
        return null;
    }

    private static RmsException fromStatus(int status) {
        return switch (status) {
            case 400 -> new ValidationException(MALFORMED);
            case 401 -> new AuthenticationException("a valid bearer token is required");
            case 403 -> CallerContext.isAuthenticated()
                    ? new AuthorizationException("the caller's role does not allow this")
                    : new AuthenticationException("a valid bearer token is required");
            case 404 -> new NotFoundException("no resource at " + CallerContext.request().path());
            case 413 -> new PayloadTooLargeException("the request body is too large");
            case 503 -> new ServiceUnavailableException("a dependency is unavailable", 5);
            default -> status >= 400 && status < 500
                    ? new ValidationException("the request was rejected (" + status + ")")
                    : null;
        };
    }
}
