package com.rms.pos.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.security.Role;
import com.rms.staff.application.StaffIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The POS idle sign-out: use keeps a terminal signed in, a socket fetching its token does not. */
class PosIdleFilterTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-04T12:00:00Z");

    private final PosIdle idle = new PosIdle();
    private final PosSession session = new PosSession();
    private final PosIdleFilter filter = new PosIdleFilter();

    private boolean invalidated;
    private boolean passedOn;
    private final Map<String, Object> sent = new HashMap<>();
    private final StringWriter body = new StringWriter();

    @BeforeEach
    void signedIn() {
        idle.minutes = 30;
        filter.session = session;
        filter.idle = idle;
        session.signIn(new StaffIdentity(7, "demo", "clara", "Clara", Set.of(Role.CASHIER), Set.of(1L)), 1, "Mitte",
                SIGNED_IN);
    }

    private void at(Duration afterSignIn) {
        idle.clock = Clock.fixed(SIGNED_IN.plus(afterSignIn), ZoneOffset.UTC);
    }

    private HttpServletRequest request(String servletPath, String facesRequest) {
        HttpSession http = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("invalidate")) {
                        invalidated = true;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> http;
                    case "getServletPath" -> servletPath;
                    case "getContextPath" -> "/pos";
                    case "getHeader" -> "Faces-Request".equals(args[0]) ? facesRequest : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendRedirect" -> sent.put("redirect", args[0]);
                    case "setContentType" -> sent.put("contentType", args[0]);
                    case "setCharacterEncoding" -> null;
                    case "getWriter" -> new PrintWriter(body, true);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void call(String servletPath, String facesRequest) throws Exception {
        FilterChain chain = (req, res) -> passedOn = true;
        filter.doFilter(request(servletPath, facesRequest), response(), chain);
    }

    @Test
    void useWithinTheIdleTimeKeepsTheTerminalSignedIn() throws Exception {
        at(Duration.ofMinutes(29));
        call("/floor.xhtml", null);
        at(Duration.ofMinutes(58));
        call("/sale.xhtml", null);
        assertTrue(passedOn);
        assertFalse(invalidated);
        assertEquals(SIGNED_IN.plus(Duration.ofMinutes(88)), session.idleUntil(idle.timeout()));
    }

    @Test
    void theFirstRequestAfterTheIdleTimeSignsOut() throws Exception {
        at(Duration.ofMinutes(30).plusSeconds(1));
        call("/sale.xhtml", null);
        assertTrue(invalidated);
        assertFalse(passedOn);
        assertEquals("/pos/signin.xhtml", sent.get("redirect"));
    }

    @Test
    void aSocketFetchingItsTokenIsNoUseOfTheTerminal() throws Exception {
        at(Duration.ofMinutes(20));
        call(SocketTokenServlet.PATH, null);
        assertTrue(passedOn, "the servlet decides (401 once idle)");
        assertEquals(SIGNED_IN.plus(Duration.ofMinutes(30)), session.idleUntil(idle.timeout()),
                "the idle end did not move");
    }

    @Test
    void anAjaxRequestIsRedirectedByFacesPartialResponse() throws Exception {
        at(Duration.ofHours(2));
        call("/kitchen.xhtml", "partial/ajax");
        assertTrue(invalidated);
        assertEquals("text/xml", sent.get("contentType"));
        assertTrue(body.toString().contains("<redirect url=\"/pos/signin.xhtml\"/>"), body::toString);
    }
}
