package com.rms.platform.security;

/**
 * The caller and request id the current thread works for; set at the edge with the tenant, cleared
 * in {@code finally}. Code running for no request (start-up, timers, consumers) sees
 * {@link Caller#SYSTEM}.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final ThreadLocal<RequestFacts> REQUEST = new ThreadLocal<>();

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

    /** Set by the edge filter first thing; see {@link RequestFacts} for why it is kept here. */
    public static void setRequest(RequestFacts facts) {
        REQUEST.set(facts);
    }

    /** The request this thread serves, or {@link RequestFacts#NONE} outside a request. */
    public static RequestFacts request() {
        RequestFacts facts = REQUEST.get();
        return facts == null ? RequestFacts.NONE : facts;
    }

    /** Whether the caller of this request was authenticated (by the container or the token filter). */
    public static boolean isAuthenticated() {
        return CALLER.get() != null || request().authenticated();
    }

    /**
     * The client's address as budgets and lockouts count it ({@link ClientAddress}: the peer, or the
     * forwarded address behind a trusted proxy), or null outside a request.
     */
    public static String clientAddress() {
        String address = request().remoteAddress();
        return address.isEmpty() ? null : address;
    }

    public static void clear() {
        CALLER.remove();
        REQUEST_ID.remove();
        REQUEST.remove();
    }
}
