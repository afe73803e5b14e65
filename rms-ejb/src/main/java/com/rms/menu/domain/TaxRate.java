package com.rms.menu.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A tax rate in percent; inclusive rates are already contained in the price, exclusive ones are added. */
@Entity
@Table(name = "tax_rate")
public class TaxRate extends BaseEntity {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, precision = 7, scale = 3)
    private BigDecimal rate;

    @Column(nullable = false)
    private boolean inclusive;

    protected TaxRate() {
    }

    public TaxRate(String name, BigDecimal rate, boolean inclusive) {
        update(name, rate, inclusive);
    }

    public final void update(String name, BigDecimal rate, boolean inclusive) {
        this.name = name;
        this.rate = rate;
        this.inclusive = inclusive;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public boolean isInclusive() {
        return inclusive;
    }
}
