package com.rms.pos.domain;

import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One line of an order as sold: the item, its chosen modifiers and its price at the time of sale. */
@Entity
@Table(name = "order_line")
public class OrderLine extends BaseEntity {

    /** A chosen modifier as sold. */
    public record SoldModifier(long id, String name, BigDecimal priceDelta) {
    }

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "menu_item_id", nullable = false, updatable = false)
    private long menuItemId;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "category_id", nullable = false, updatable = false)
    private long categoryId;

    @Column(name = "category_name", nullable = false, updatable = false)
    private String categoryName;

    @Column(nullable = false, updatable = false)
    private String station;

    @Column(nullable = false, updatable = false)
    private int course;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;

    @Column(nullable = false, updatable = false)
    private String modifiers;

    @Column(updatable = false)
    private String note;

    @Column(name = "tax_rate_id", nullable = false, updatable = false)
    private long taxRateId;

    @Column(name = "tax_rate", nullable = false, updatable = false)
    private BigDecimal taxRate;

    @Column(name = "tax_inclusive", nullable = false, updatable = false)
    private boolean taxInclusive;

    private BigDecimal amount = BigDecimal.ZERO;

    private BigDecimal discount = BigDecimal.ZERO;

    private BigDecimal net = BigDecimal.ZERO;

    private BigDecimal tax = BigDecimal.ZERO;

    private BigDecimal total = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineStatus status = LineStatus.ACTIVE;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "void_approved_by")
    private String voidApprovedBy;

    protected OrderLine() {
    }

    public OrderLine(long menuItemId, String sku, String name, long categoryId, String categoryName, String station,
            int course, int quantity, BigDecimal unitPrice, List<SoldModifier> chosen, String note, long taxRateId,
            BigDecimal taxRate, boolean taxInclusive) {
        this.menuItemId = menuItemId;
        this.sku = sku;
        this.name = name;
        this.categoryId = categoryId;
        this.categoryName = categoryName;
        this.station = station;
        this.course = course;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        JsonArrayBuilder array = Json.createArrayBuilder();
        chosen.forEach(m -> array.add(Json.createObjectBuilder().add("id", m.id()).add("name", m.name())
                .add("priceDelta", m.priceDelta())));
        this.modifiers = array.build().toString();
        this.note = note;
        this.taxRateId = taxRateId;
        this.taxRate = taxRate;
        this.taxInclusive = taxInclusive;
    }

    void attach(Order order, int lineNo) {
        this.order = order;
        this.lineNo = lineNo;
    }

    void priced(Pricing.LinePrice price) {
        amount = price.amount();
        discount = price.discount();
        net = price.net();
        tax = price.tax();
        total = price.total();
    }

    void unpriced() {
        amount = BigDecimal.ZERO;
        discount = BigDecimal.ZERO;
        net = BigDecimal.ZERO;
        tax = BigDecimal.ZERO;
        total = BigDecimal.ZERO;
    }

    /** The line's amount before discount, at the order currency's scale. */
    public BigDecimal listAmount(int scale) {
        return Pricing.lineAmount(scale, unitPrice, quantity);
    }

    public void voided(String reason, String by, String approvedBy) {
        if (status == LineStatus.VOIDED) {
            throw new BusinessRuleException("line " + getId() + " is already voided");
        }
        status = LineStatus.VOIDED;
        voidReason = reason;
        voidedBy = by;
        voidApprovedBy = approvedBy;
    }

    /** What this line allows now (see {@link LineAction}): voiding, while it is sold on an open order. */
    public Set<LineAction> actions() {
        return status == LineStatus.ACTIVE && order.getStatus().open() ? EnumSet.of(LineAction.VOID)
                : EnumSet.noneOf(LineAction.class);
    }

    public void routed(long ticketId) {
        this.ticketId = ticketId;
    }

    public boolean isSent() {
        return ticketId != null;
    }

    public List<SoldModifier> chosenModifiers() {
        JsonArray array = Json.createReader(new StringReader(modifiers)).readArray();
        return array.getValuesAs(JsonObject.class).stream().map(o -> new SoldModifier(o.getJsonNumber("id").longValue(),
                o.getString("name"), o.getJsonNumber("priceDelta").bigDecimalValue())).toList();
    }

    public Order getOrder() {
        return order;
    }

    public int getLineNo() {
        return lineNo;
    }

    public long getMenuItemId() {
        return menuItemId;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public long getCategoryId() {
        return categoryId;
    }

    public String getCategoryName() {
        return categoryName;
    }

    public String getStation() {
        return station;
    }

    public int getCourse() {
        return course;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getNote() {
        return note;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public boolean isTaxInclusive() {
        return taxInclusive;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public LineStatus getStatus() {
        return status;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getVoidReason() {
        return voidReason;
    }
}
