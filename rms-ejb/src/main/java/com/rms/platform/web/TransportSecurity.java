package com.rms.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Whether this deployment is served over HTTPS only ({@code RMS_REQUIRE_HTTPS}), and what a secure
 * response carries. HSTS goes on HTTPS responses only: browsers ignore it over HTTP, and a server
 * that answers both must not tell a browser to stop using HTTP unless it means it. With HTTPS
 * required, a web page asked over HTTP is redirected to the same URL on HTTPS
 * ({@code RMS_HTTPS_REDIRECT_PORT}, by default the server's HTTPS port; 443 is left out of the URL),
 * while the API refuses (a client that sent its token in clear must learn to stop, and a redirected
 * POST would send it again).
 */
public final class TransportSecurity {

    private final boolean httpsRequired;
    private final int redirectPort;
    private final long hstsMaxAgeSeconds;

    public TransportSecurity(boolean httpsRequired, int redirectPort, long hstsMaxAgeSeconds) {
        if (hstsMaxAgeSeconds < 0) {
            throw new IllegalArgumentException("RMS_HSTS_MAX_AGE_SECONDS must not be negative");
        }
        this.httpsRequired = httpsRequired;
        this.redirectPort = redirectPort;
        this.hstsMaxAgeSeconds = hstsMaxAgeSeconds;
    }

    /** From MicroProfile Config: rms.require-https, rms.https.redirect-port, rms.hsts.max-age-seconds. */
    public static TransportSecurity from(Config config) {
        int httpsPort = config.getOptionalValue("RMS_HTTPS_PORT", Integer.class).orElse(9443);
        return new TransportSecurity(
                config.getOptionalValue("rms.require-https", Boolean.class).orElse(false),
                config.getOptionalValue("rms.https.redirect-port", Integer.class).orElse(httpsPort),
                config.getOptionalValue("rms.hsts.max-age-seconds", Long.class).orElse(31_536_000L));
    }

    public boolean httpsRequired() {
        return httpsRequired;
    }

    /** Whether this request must not be served as it came (HTTPS required, and it came over HTTP). */
    public boolean refuses(HttpServletRequest request) {
        return httpsRequired && !request.isSecure();
    }

    /** The HSTS header value for a response to this request, when it came over HTTPS. */
    public Optional<String> hsts(HttpServletRequest request) {
        if (!request.isSecure() || hstsMaxAgeSeconds == 0) {
            return Optional.empty();
        }
        return Optional.of("max-age=" + hstsMaxAgeSeconds);
    }

    /** The same URL on HTTPS. */
    public String httpsUrl(HttpServletRequest request) {
        String port = redirectPort == 443 ? "" : ":" + redirectPort;
        String query = request.getQueryString();
        return "https://" + request.getServerName() + port + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
