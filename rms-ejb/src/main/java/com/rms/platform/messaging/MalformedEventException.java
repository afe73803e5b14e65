package com.rms.platform.messaging;

/**
 * A message no consumer can ever apply (not JSON, a missing field, an unknown tenant or event type).
 * It is rethrown like any failure: after the redelivery limit the message lands in the queue's
 * exception destination, where an operator sees it, instead of blocking the queue.
 */
public class MalformedEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
