package com.rms.pos.domain;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The lines of one course of an order for one kitchen station; its lines point at it. */
@Entity
@Table(name = "kitchen_ticket")
public class KitchenTicket extends BaseEntity {

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Column(name = "table_id", updatable = false)
    private Long tableId;

    @Column(nullable = false, updatable = false)
    private String station;

    @Column(nullable = false, updatable = false)
    private int course;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "fired_at")
    private OffsetDateTime firedAt;

    protected KitchenTicket() {
    }

    public KitchenTicket(long orderId, long outletId, Long tableId, String station, int course, boolean held) {
        this.orderId = orderId;
        this.outletId = outletId;
        this.tableId = tableId;
        this.station = station;
        this.course = course;
        this.status = held ? TicketStatus.HELD : TicketStatus.NEW;
        this.firedAt = held ? null : OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A held course goes to the kitchen. */
    public boolean fire() {
        if (status != TicketStatus.HELD) {
            return false;
        }
        status = TicketStatus.NEW;
        firedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    public void move(TicketStatus to) {
        if (!status.next().contains(to)) {
            throw new BusinessRuleException("a " + status + " ticket cannot become " + to);
        }
        status = to;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getOutletId() {
        return outletId;
    }

    public Long getTableId() {
        return tableId;
    }

    public String getStation() {
        return station;
    }

    public int getCourse() {
        return course;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public OffsetDateTime getFiredAt() {
        return firedAt;
    }
}
