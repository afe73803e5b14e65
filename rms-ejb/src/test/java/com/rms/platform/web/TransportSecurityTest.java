package com.rms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    /** A request as the container would describe it: only what TransportSecurity reads. */
    private static HttpServletRequest request(boolean secure, String uri, String query) {
        Map<String, Object> answers = Map.of("isSecure", secure, "getServerName", "till.example.com",
                "getRequestURI", uri);
        return (HttpServletRequest) Proxy.newProxyInstance(TransportSecurityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getQueryString")) {
                        return query;
                    }
                    Object answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer;
                });
    }

    @Test
    void withoutRequiredHttpsNothingIsRefusedAndHttpGetsNoHsts() {
        TransportSecurity transport = new TransportSecurity(false, 9443, 31_536_000);
        assertFalse(transport.refuses(request(false, "/pos/floor.xhtml", null)));
        assertEquals(Optional.empty(), transport.hsts(request(false, "/pos/floor.xhtml", null)));
        assertEquals(Optional.of("max-age=31536000"), transport.hsts(request(true, "/pos/floor.xhtml", null)));
    }

    @Test
    void requiredHttpsRefusesHttpAndPointsAtTheSameUrlOnHttps() {
        TransportSecurity transport = new TransportSecurity(true, 443, 31_536_000);
        assertTrue(transport.refuses(request(false, "/admin/outlets.xhtml", "page=2")));
        assertFalse(transport.refuses(request(true, "/admin/outlets.xhtml", "page=2")));
        assertEquals("https://till.example.com/admin/outlets.xhtml?page=2",
                transport.httpsUrl(request(false, "/admin/outlets.xhtml", "page=2")));
        assertEquals("https://till.example.com:9443/pos/",
                new TransportSecurity(true, 9443, 0).httpsUrl(request(false, "/pos/", null)));
    }

    @Test
    void hstsCanBeSwitchedOffButNotMadeNegative() {
        assertEquals(Optional.empty(), new TransportSecurity(true, 443, 0).hsts(request(true, "/pos/", null)));
        assertThrows(IllegalArgumentException.class, () -> new TransportSecurity(true, 443, -1));
    }
}
