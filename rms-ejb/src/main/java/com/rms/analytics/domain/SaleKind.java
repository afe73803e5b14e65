package com.rms.analytics.domain;

/** What a sales fact records: the sale, or a (partial) refund or void that reverses it. */
public enum SaleKind {
    SALE, REFUND, VOID
}
