package com.rms.platform.error;

import java.util.List;
import java.util.Map;

/** Problem kind {@code service-unavailable}: A dependency is unavailable; carries the seconds after which to retry. */
public final class ServiceUnavailableException extends RmsException {

    private final long retryAfterSeconds;

    public ServiceUnavailableException(String detail, long retryAfterSeconds) {
        this(detail, retryAfterSeconds, Map.of());
    }

    public ServiceUnavailableException(String detail, long retryAfterSeconds, Map<String, Long> extensions) {
        super(detail, List.of(), extensions);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String kind() {
        return "service-unavailable";
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "A dependency is unavailable";
    }
}
