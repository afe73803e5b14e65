package com.rms.tenancy.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A table on an outlet's floor. */
@Entity
@Table(name = "dining_table")
public class DiningTable extends BaseEntity {

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private int seats;

    private String area;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TableState state = TableState.FREE;

    protected DiningTable() {
    }

    public DiningTable(long outletId, String label, int seats, String area) {
        this.outletId = outletId;
        update(label, seats, area, TableState.FREE);
    }

    public final void update(String label, int seats, String area, TableState state) {
        this.label = label;
        this.seats = seats;
        this.area = area;
        this.state = state;
    }

    public long getOutletId() {
        return outletId;
    }

    public String getLabel() {
        return label;
    }

    public int getSeats() {
        return seats;
    }

    public String getArea() {
        return area;
    }

    public TableState getState() {
        return state;
    }
}
