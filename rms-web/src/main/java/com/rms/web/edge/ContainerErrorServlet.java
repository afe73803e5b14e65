package com.rms.web.edge;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.security.CallerContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors the container answers before the application sees the request (a rejected token, an
 * unknown path outside the API) get the same problem+json body as everything else; see the
 * error pages in web.xml.
 */
@WebServlet("/problem/container-error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? null : uri.toString();
        RmsException problem = switch (status) {
            case 400 -> new ValidationException("the request is malformed");
            case 401 -> new AuthenticationException("a valid bearer token is required: the one sent is missing, "
                    + "expired, malformed or not signed by this server");
            case 403 -> new AuthorizationException("the caller's role does not allow this");
            case 404 -> new NotFoundException("no resource at " + instance);
            default -> null;
        };
        String requestId = CallerContext.requestId();
        if (problem != null) {
            Problem.of(problem, instance, requestId).write(response);
        } else {
            new Problem("internal", status, "Internal error", "the server could not handle the request", instance,
                    requestId, null, null).write(response);
        }
    }
}
