package it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, web apps: security headers on every response, a CSP that forbids framing on the web
 * apps, HSTS over HTTPS only, session cookies HttpOnly and SameSite, and the POS socket token only
 * for a signed-in terminal.
 */
class WebHardeningIT {

    private static final String HTTPS = it.Tls.HTTPS;

    /** The server's certificate is self-signed: this client trusts it, and checks nothing else. */
    private static HttpClient https;

    @BeforeAll
    static void clients() throws Exception {
        Api.awaitReady();
        https = it.Tls.client();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyResponseForbidsSniffingAndCrossSiteReferrers() throws Exception {
        for (String path : List.of("/api/v1/auth/jwks", "/api/v1/outlets", "/admin/login.xhtml", "/pos/signin.xhtml",
                "/health/ready")) {
            HttpResponse<String> response = get(Api.HTTP, Api.BASE + path);
            assertEquals("nosniff", header(response, "X-Content-Type-Options"), path);
            assertEquals("same-origin", header(response, "Referrer-Policy"), path);
        }
        // errors too: a 401 problem of the API
        HttpResponse<String> unauthorized = get(Api.HTTP, Api.BASE + "/api/v1/outlets");
        assertEquals(401, unauthorized.statusCode());
        assertEquals("nosniff", header(unauthorized, "X-Content-Type-Options"));
    }

    @Test
    void theWebAppsCannotBeFramed() throws Exception {
        for (String path : List.of("/admin/login.xhtml", "/pos/signin.xhtml", "/pos/floor.xhtml")) {
            HttpResponse<String> response = get(Api.HTTP, Api.BASE + path);
            String csp = header(response, "Content-Security-Policy");
            assertNotNull(csp, path + " has a Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("default-src 'self'"), path + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), path + ": " + csp);
            assertEquals("DENY", header(response, "X-Frame-Options"), path);
        }
    }

    @Test
    void hstsIsSentOverHttpsOnly() throws Exception {
        for (String path : List.of("/pos/signin.xhtml", "/admin/login.xhtml", "/api/v1/auth/jwks")) {
            HttpResponse<String> secure = get(https, HTTPS + path);
            String hsts = header(secure, "Strict-Transport-Security");
            assertNotNull(hsts, path + " over HTTPS has HSTS");
            assertTrue(hsts.startsWith("max-age="), hsts);
            assertTrue(Long.parseLong(hsts.substring("max-age=".length()).split(";")[0].trim()) >= 15_552_000L, hsts);
            assertNull(header(get(Api.HTTP, Api.BASE + path), "Strict-Transport-Security"), path + " over HTTP has none");
        }
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSite() throws Exception {
        for (String path : List.of("/pos/signin.xhtml", "/admin/login.xhtml")) {
            HttpResponse<String> response = get(Api.HTTP, Api.BASE + path);
            List<String> cookies = response.headers().allValues("Set-Cookie");
            String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                    .orElseThrow(() -> new AssertionError(path + " sets no session cookie: " + cookies));
            String lower = session.toLowerCase();
            assertTrue(lower.contains("httponly"), session);
            assertTrue(lower.contains("samesite=lax") || lower.contains("samesite=strict"), session);
        }
    }

    @Test
    void thePosSocketTokenIsOnlyForASignedInTerminal() throws Exception {
        HttpResponse<String> response = Api.HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/pos/socket-token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(response.statusCode() == 200, response::body);
        assertFalse(response.body().contains("token\""), response::body);
        Map<String, List<String>> headers = response.headers().map();
        assertTrue(response.statusCode() == 401 || response.statusCode() == 302, response.statusCode() + " " + headers);
    }
}
