package com.rms.menu.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One choice of a modifier group, with what it adds to (or takes off) the item's price. */
@Entity
@Table(name = "modifier")
public class Modifier {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "price_delta", nullable = false, precision = 12, scale = 2)
    private BigDecimal priceDelta;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected Modifier() {
    }

    public Modifier(String name, BigDecimal priceDelta, int sortOrder) {
        this.name = name;
        this.priceDelta = priceDelta;
        this.sortOrder = sortOrder;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPriceDelta() {
        return priceDelta;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
