package com.rms.customer.application;

import com.rms.customer.domain.Customer;
import java.time.OffsetDateTime;

/** A customer as the API shows it. */
public record CustomerView(long id, String name, String phone, String email, long points, boolean anonymised,
        OffsetDateTime createdAt) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getName(), c.getPhone(), c.getEmail(), c.getPoints(), c.isAnonymised(),
                c.getCreatedAt());
    }

    /**
     * The same customer with phone and email masked (the last three digits, the email's first letter
     * and domain stay): enough for a cashier to tell two guests apart, not a contact list.
     */
    CustomerView masked() {
        return new CustomerView(id, name, maskPhone(phone), maskEmail(email), points, anonymised, createdAt);
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        int keep = Math.min(3, phone.length());
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < phone.length() - keep; i++) {
            char c = phone.charAt(i);
            masked.append(Character.isDigit(c) ? '*' : c);
        }
        return masked.append(phone, phone.length() - keep, phone.length()).toString();
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
