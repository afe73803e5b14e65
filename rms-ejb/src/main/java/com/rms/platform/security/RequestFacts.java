package com.rms.platform.security;

/**
 * What the edge filter read from the servlet request before anything else ran: the method, the path
 * (clipped), the client's address and whether the container had authenticated the caller. The
 * error path and the rate limiter read these from the thread instead of an injected
 * {@code HttpServletRequest}, whose context proxy was seen failing on some server instances — and an
 * error path that can fail turns every refusal into a 500.
 */
public record RequestFacts(String method, String path, String remoteAddress, boolean authenticated) {

    /** Longer paths are clipped: they are echoed in problems and logs, never used to route. */
    public static final int MAX_PATH = 200;

    public static final RequestFacts NONE = new RequestFacts("", "", "", false);

    public RequestFacts {
        method = method == null ? "" : clip(method, 16);
        path = path == null ? "" : clip(path, MAX_PATH);
        remoteAddress = remoteAddress == null ? "" : clip(remoteAddress, 64);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
