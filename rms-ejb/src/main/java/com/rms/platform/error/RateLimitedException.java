package com.rms.platform.error;

/** Problem kind {@code rate-limited}: Too many requests; carries the seconds after which to retry. */
public final class RateLimitedException extends RmsException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String kind() {
        return "rate-limited";
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
