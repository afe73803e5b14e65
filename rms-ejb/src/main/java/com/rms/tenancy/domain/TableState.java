package com.rms.tenancy.domain;

/** What a table on the floor is doing right now. */
public enum TableState {
    FREE, OCCUPIED, RESERVED, CLEANING
}
