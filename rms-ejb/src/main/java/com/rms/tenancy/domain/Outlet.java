package com.rms.tenancy.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A restaurant of the chain: where orders are taken, with its own time zone and currency. */
@Entity
@Table(name = "outlet")
public class Outlet extends BaseEntity {

    @Column(nullable = false)
    private String name;

    private String address;

    @Column(name = "tax_id")
    private String taxId;

    @Column(nullable = false)
    private String timezone;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private boolean active = true;

    protected Outlet() {
    }

    public Outlet(String name, String address, String taxId, String timezone, String currency) {
        update(name, address, taxId, timezone, currency, true);
    }

    public final void update(String name, String address, String taxId, String timezone, String currency,
            boolean active) {
        this.name = name;
        this.address = address;
        this.taxId = taxId;
        this.timezone = timezone;
        this.currency = currency;
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    /** The tax id its receipts print (a VAT identification number or tax number), or null. */
    public String getTaxId() {
        return taxId;
    }

    public String getTimezone() {
        return timezone;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isActive() {
        return active;
    }
}
