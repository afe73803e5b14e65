package com.rms.analytics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One order line in one sale event, with the dimensions reports group by. Facts are append-only: a
 * refund or a void adds negative facts, so any sum over them is what was really sold.
 */
@Entity
@Table(name = "sales_fact")
public class SalesFact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SaleKind kind;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "order_number")
    private String orderNumber;

    @Column(name = "line_id", nullable = false)
    private long lineId;

    @Column(name = "outlet_id", nullable = false)
    private long outletId;

    private String staff;

    private String channel;

    @Column(name = "menu_item_id")
    private Long menuItemId;

    private String sku;

    @Column(name = "item_name")
    private String itemName;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "category_name")
    private String categoryName;

    private String currency;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "business_day", nullable = false)
    private LocalDate businessDay;

    @Column(name = "business_hour", nullable = false)
    private int businessHour;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private BigDecimal net;

    @Column(nullable = false)
    private BigDecimal tax;

    @Column(nullable = false)
    private BigDecimal gross;

    protected SalesFact() {
    }

    /** The dimensions of a line: what was sold where, by whom, through which channel. */
    public record Line(long orderId, String orderNumber, long lineId, long outletId, String staff, String channel,
            Long menuItemId, String sku, String itemName, Long categoryId, String categoryName, String currency) {
    }

    public SalesFact(String eventId, SaleKind kind, Line line, OffsetDateTime occurredAt, ZoneId zone, int quantity,
            BigDecimal net, BigDecimal tax, BigDecimal gross) {
        this.eventId = eventId;
        this.kind = kind;
        this.orderId = line.orderId();
        this.orderNumber = line.orderNumber();
        this.lineId = line.lineId();
        this.outletId = line.outletId();
        this.staff = line.staff();
        this.channel = line.channel();
        this.menuItemId = line.menuItemId();
        this.sku = line.sku();
        this.itemName = line.itemName();
        this.categoryId = line.categoryId();
        this.categoryName = line.categoryName();
        this.currency = line.currency();
        this.occurredAt = occurredAt;
        var local = occurredAt.atZoneSameInstant(zone);
        this.businessDay = local.toLocalDate();
        this.businessHour = local.getHour();
        this.quantity = quantity;
        this.net = net;
        this.tax = tax;
        this.gross = gross;
    }

    public Line line() {
        return new Line(orderId, orderNumber, lineId, outletId, staff, channel, menuItemId, sku, itemName, categoryId,
                categoryName, currency);
    }

    public SaleKind getKind() {
        return kind;
    }

    public long getOutletId() {
        return outletId;
    }

    public LocalDate getBusinessDay() {
        return businessDay;
    }

    public int getBusinessHour() {
        return businessHour;
    }

    public Long getMenuItemId() {
        return menuItemId;
    }

    public String getItemName() {
        return itemName;
    }

    public long getLineId() {
        return lineId;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getGross() {
        return gross;
    }
}
