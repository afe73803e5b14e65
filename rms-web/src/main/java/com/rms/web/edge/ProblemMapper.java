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
import com.rms.platform.security.CallerContext;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one place where anything thrown becomes a response: application exceptions by their kind,
 * the framework's own by status, everything else as a 500 that carries only the request id (the
 * cause is logged, never returned).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final RmsLog LOG = RmsLog.of(ProblemMapper.class);
    private static final String MALFORMED = "the body is not valid JSON of the expected shape";
    /** HTTP-level refusals that are not application errors: their own status and kind. */
    private static final Map<Integer, String[]> PROTOCOL_KINDS = Map.of(
            405, new String[] {"method-not-allowed", "The method is not allowed on this resource"},
            406, new String[] {"not-acceptable", "The requested media type cannot be produced"},
            415, new String[] {"unsupported-media-type", "The body must be application/json"});

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof WebApplicationException web && PROTOCOL_KINDS.containsKey(web.getResponse().getStatus())) {
            int status = web.getResponse().getStatus();
            String[] kind = PROTOCOL_KINDS.get(status);
            return respond(new Problem(kind[0], status, kind[1], request.getMethod() + " " + request.getRequestURI(),
                    instance(), CallerContext.requestId(), null, null));
        }
        RmsException problem = translate(thrown);
        if (problem == null) {
            LOG.error(LogContext.REQUEST, "unexpected failure of " + request.getMethod() + " " + request.getRequestURI(), thrown);
            return respond(new Problem("internal", 500, "Internal error",
                    "an unexpected error occurred; quote the request id when reporting it", instance(),
                    CallerContext.requestId(), null, null));
        }
        if (problem.status() == 401 || problem.status() == 403) {
            LOG.warn(LogContext.SECURITY, problem.kind() + " " + request.getMethod() + " " + request.getRequestURI()
                    + ": " + problem.getMessage());
        }
        return respond(Problem.of(problem, instance(), CallerContext.requestId()));
    }

    private String instance() {
        return request.getRequestURI();
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toJson().toString());
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    /** The application exception a throwable stands for, or null when it is a genuine failure. */
    private RmsException translate(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RmsException rms) {
                return rms;
            }
            if (t instanceof OptimisticLockException) {
                return new ConflictException("the record was changed by someone else; reload and try again");
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return new ValidationException(MALFORMED);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new ConflictException("the change conflicts with existing data");
            }
            if (t instanceof WebApplicationException web) {
                return fromStatus(web.getResponse().getStatus(), thrown);
            }
        }
        return null;
    }

    private RmsException fromStatus(int status, Throwable thrown) {
        return switch (status) {
            case 400 -> new ValidationException(MALFORMED);
            case 401 -> new AuthenticationException("a valid bearer token is required");
            case 403 -> request.getUserPrincipal() == null
                    ? new AuthenticationException("a valid bearer token is required")
                    : new AuthorizationException("the caller's role does not allow this");
            case 404 -> new NotFoundException("no resource at " + request.getRequestURI());
            case 413 -> new PayloadTooLargeException("the request body is too large");
            case 503 -> new ServiceUnavailableException("a dependency is unavailable", 5);
            default -> status >= 400 && status < 500
                    ? new ValidationException("the request was rejected (" + status + ")")
                    : null;
        };
    }
}
