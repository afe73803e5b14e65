package com.rms.platform.logging;

/** The {@code context} field of a log line: what kind of event it reports. */
public enum LogContext {
    REQUEST, SECURITY, PERFORMANCE, BUSINESS, AUDIT;

    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
