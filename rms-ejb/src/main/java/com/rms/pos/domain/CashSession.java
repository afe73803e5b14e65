package com.rms.pos.domain;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A cash drawer's shift at an outlet: opened with a float, closed with a count and a Z report. */
@Entity
@Table(name = "cash_session")
public class CashSession extends BaseEntity {

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Column(nullable = false)
    private String status = "OPEN";

    @Column(name = "opening_float", nullable = false, updatable = false)
    private BigDecimal openingFloat;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private OffsetDateTime openedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "counted_cash")
    private BigDecimal countedCash;

    @Column(name = "expected_cash")
    private BigDecimal expectedCash;

    @Column(name = "z_report")
    private String zReport;

    /** The outlet while open (unique), null once closed. */
    @Column(name = "open_outlet_id")
    private Long openOutletId;

    protected CashSession() {
    }

    public CashSession(long outletId, BigDecimal openingFloat, String openedBy) {
        this.outletId = outletId;
        this.openOutletId = outletId;
        this.openingFloat = openingFloat;
        this.openedBy = openedBy;
        this.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public void close(BigDecimal counted, BigDecimal expected, String by, String report) {
        if (!isOpen()) {
            throw new BusinessRuleException("cash session " + getId() + " is already closed");
        }
        status = "CLOSED";
        openOutletId = null;
        countedCash = counted;
        expectedCash = expected;
        closedBy = by;
        closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        zReport = report;
    }

    public long getOutletId() {
        return outletId;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getOpeningFloat() {
        return openingFloat;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public OffsetDateTime getOpenedAt() {
        return openedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public BigDecimal getCountedCash() {
        return countedCash;
    }

    public BigDecimal getExpectedCash() {
        return expectedCash;
    }

    public String getZReport() {
        return zReport;
    }
}
