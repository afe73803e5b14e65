package com.rms.platform.idempotency;

import com.rms.platform.error.RmsException;

/** Writes the body of a failure stored as a key's answer (the edge: its problem+json). */
@FunctionalInterface
public interface ProblemWriter {
    String write(RmsException failure);
}
