package com.rms.platform.idempotency;

/** The stored answer to a request already answered. */
public record Replay(int status, String contentType, String body) {
}
