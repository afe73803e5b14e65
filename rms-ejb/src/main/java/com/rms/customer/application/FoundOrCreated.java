package com.rms.customer.application;

/** The customer a find-or-create answered with, and whether it was created now. */
public record FoundOrCreated(CustomerView customer, boolean created) {
}
