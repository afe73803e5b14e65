package com.rms.platform.security;

/**
 * The caller and request id the current thread works for; set at the edge with the tenant, cleared
 * in {@code finally}. Code running for no request (start-up, timers, consumers) sees
 * {@link Caller#SYSTEM}.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final ThreadLocal<String> CLIENT_ADDRESS = new ThreadLocal<>();

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

    /** The client address of the request (see {@link ClientAddress}), for limits of authenticated callers. */
    public static void setClientAddress(String address) {
        CLIENT_ADDRESS.set(address);
    }

    /** The client address of the current request, or null outside a request. */
    public static String clientAddress() {
        return CLIENT_ADDRESS.get();
    }

    public static void clear() {
        CLIENT_ADDRESS.remove();
        CALLER.remove();
        REQUEST_ID.remove();
    }
}
