package com.rms.inventory.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A company the chain buys stock from. Inactive suppliers keep their orders but get no new ones. */
@Entity
@Table(name = "supplier")
public class Supplier extends BaseEntity {

    @Column(nullable = false)
    private String name;

    private String email;

    private String phone;

    private String address;

    @Column(nullable = false)
    private boolean active = true;

    protected Supplier() {
    }

    public Supplier(String name) {
        this.name = name;
    }

    public void update(String name, String email, String phone, String address, boolean active) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public boolean isActive() {
        return active;
    }
}
