package com.rms.platform.error;

/** Problem kind {@code idempotency-key-reuse}: an Idempotency-Key came again with a different request. */
public final class IdempotencyKeyReuseException extends RmsException {

    public IdempotencyKeyReuseException(String detail) {
        super(detail);
    }

    @Override
    public String kind() {
        return "idempotency-key-reuse";
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Idempotency key reused with a different request";
    }
}
