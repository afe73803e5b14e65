package com.rms.customer.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A guest of the chain, found by phone or email (stored normalised) and holding a points balance
 * that is always the sum of its loyalty transactions. Anonymising clears the personal fields and
 * keeps the row, so orders and points history stay consistent.
 */
@Entity
@Table(name = "customer")
public class Customer extends BaseEntity {

    private String name;
    private String phone;
    private String email;
    private long points;
    private boolean anonymised;

    protected Customer() {
    }

    public Customer(String name, String phone, String email) {
        this.name = name;
        this.phone = phone;
        this.email = email;
    }

    /** Books {@code delta} points and returns the new balance (it may go below zero when spent points are taken back). */
    public long book(long delta) {
        points += delta;
        return points;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public long getPoints() {
        return points;
    }

    public boolean isAnonymised() {
        return anonymised;
    }
}
