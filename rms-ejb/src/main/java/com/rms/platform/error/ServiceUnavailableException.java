package com.rms.platform.error;

/** Problem kind {@code service-unavailable}: A dependency is unavailable; carries the seconds after which to retry. */
public final class ServiceUnavailableException extends RmsException {

    private final long retryAfterSeconds;

    public ServiceUnavailableException(String detail, long retryAfterSeconds) {
        super(detail);
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
