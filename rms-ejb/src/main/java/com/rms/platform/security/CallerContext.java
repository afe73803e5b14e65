package com.rms.platform.security;

/**
 * The caller and request id the current thread works for; set at the edge with the tenant, cleared
 * in {@code finally}. Code running for no request (start-up, timers, consumers) sees
 * {@link Caller#SYSTEM}.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private CallerContext() {
    }

    public static void set(Caller caller) {
        CALLER.set(caller);
    }

    public static Caller current() {
        Caller caller = CALLER.get();
        return caller == null ? Caller.SYSTEM : caller;
    }

    public static void setRequestId(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static String requestId() {
        return REQUEST_ID.get();
    }

    public static void clear() {
        CALLER.remove();
        REQUEST_ID.remove();
    }
}
