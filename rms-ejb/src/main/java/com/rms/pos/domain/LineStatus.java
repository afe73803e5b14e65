package com.rms.pos.domain;

/** A line is sold unless voided. */
public enum LineStatus {
    ACTIVE, VOIDED
}
