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
}
