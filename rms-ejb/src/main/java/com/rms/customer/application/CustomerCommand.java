package com.rms.customer.application;

/** Find or create a customer: a phone or an email (or both) identifies them; the name is kept for a new one. */
public record CustomerCommand(String name, String phone, String email) {
}
