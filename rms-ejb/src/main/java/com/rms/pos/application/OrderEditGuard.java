package com.rms.pos.application;

/**
 * What the context that owns an order's channel says about changing its lines and discount: an
 * online order's context refuses changes once the order is READY. Implemented outside pos (online →
 * pos, never the other way); pos asks every guard before it changes an order of channel ONLINE.
 */
public interface OrderEditGuard {

    /** Throws (a business-rule 422) when the order may no longer be changed. */
    void requireEditable(long orderId);
}
