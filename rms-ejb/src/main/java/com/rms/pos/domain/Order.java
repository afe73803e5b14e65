package com.rms.pos.domain;

import com.rms.platform.text.Money;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A check at an outlet: its lines, totals as priced by {@link Pricing}, and what has been paid and
 * refunded. It guards every settle rule: what a tender may take, the change of cash, completion at a
 * zero balance, re-opening, what may be refunded, and what it allows now ({@link #actions}).
 */
@Entity
@Table(name = "pos_order")
public class Order extends BaseEntity {

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "table_id")
    private Long tableId;

    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status = OrderStatus.OPEN;

    @Column(nullable = false, updatable = false)
    private String currency;

    private BigDecimal subtotal = BigDecimal.ZERO;

    @Column(name = "discount_total")
    private BigDecimal discountTotal = BigDecimal.ZERO;

    @Column(name = "tax_total")
    private BigDecimal taxTotal = BigDecimal.ZERO;

    private BigDecimal total = BigDecimal.ZERO;

    private BigDecimal tips = BigDecimal.ZERO;

    private BigDecimal paid = BigDecimal.ZERO;

    private BigDecimal refunded = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type")
    private DiscountType discountType;

    @Column(name = "discount_value")
    private BigDecimal discountValue;

    @Column(name = "discount_reason")
    private String discountReason;

    @Column(name = "discount_approved_by")
    private String discountApprovedBy;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    /** Created in this transaction (never completed before: its first completion needs no look-up). */
    @Transient
    private boolean created;

    /** The number of its next completion, once looked up in this transaction (the hold and the completion share it). */
    @Transient
    private Integer nextCompletion;

    protected Order() {
    }

    public Order(long outletId, Channel channel, Long tableId, Long customerId, String currency, String createdBy) {
        this.created = true;
        this.outletId = outletId;
        this.channel = channel;
        this.tableId = tableId;
        this.customerId = customerId;
        this.currency = currency;
        this.createdBy = createdBy;
    }

    /** The currency's minor-unit scale (2 for EUR, 0 for JPY). */
    public int scale() {
        return Money.scale(currency);
    }

    public OrderLine addLine(OrderLine line) {
        requireOpen();
        line.attach(this, lines.size() + 1);
        lines.add(line);
        return line;
    }

    public void setDiscount(DiscountType type, BigDecimal value, String reason, String approvedBy) {
        requireOpen();
        this.discountType = type;
        this.discountValue = value;
        this.discountReason = reason;
        this.discountApprovedBy = approvedBy;
    }

    /** Prices the active lines and the discount again; the totals and each line's shares change together. */
    public void reprice() {
        List<OrderLine> active = activeLines();
        Pricing.Result result = Pricing.price(scale(), active.stream()
                .map(l -> new Pricing.LineInput(l.listAmount(scale()), l.getTaxRate(), l.isTaxInclusive())).toList(),
                discountType, discountValue);
        for (int i = 0; i < active.size(); i++) {
            active.get(i).priced(result.lines().get(i));
        }
        lines.stream().filter(l -> l.getStatus() == LineStatus.VOIDED).forEach(OrderLine::unpriced);
        subtotal = result.subtotal();
        discountTotal = result.discountTotal();
        taxTotal = result.taxTotal();
        total = result.total();
        if (paid.compareTo(total) > 0) {
            throw new BusinessRuleException("the order total " + total + " would fall below what was paid (" + paid + ")");
        }
    }

    public List<OrderLine> activeLines() {
        return lines.stream().filter(l -> l.getStatus() == LineStatus.ACTIVE).toList();
    }

    /** The discount's share of the subtotal, in percent (0 when nothing is discounted). */
    public BigDecimal discountPercent() {
        if (subtotal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return discountTotal.multiply(BigDecimal.valueOf(100)).divide(subtotal, 2, java.math.RoundingMode.HALF_EVEN);
    }

    public BigDecimal balance() {
        return total.subtract(paid);
    }

    public void requireOpen() {
        if (!status.open()) {
            throw new BusinessRuleException("order " + getId() + " is " + status + "; it cannot be changed");
        }
    }

    /** Fired to the kitchen. */
    public void sent() {
        requireOpen();
        status = OrderStatus.SENT;
    }

    /**
     * Checks a tender before anything is taken: the order is open, the amounts fit the currency, and
     * the amount is at most what is left to pay beside {@code pending} (card charges awaiting the
     * provider).
     *
     * @return whether the tender settles the order: it then holds the order's stock first, so that of
     *     two devices selling the last portions the second is refused before any card is charged
     */
    public boolean takes(BigDecimal amount, BigDecimal tip, BigDecimal pending) {
        requireOpen();
        int scale = scale();
        if (amount.scale() > scale || tip.scale() > scale) {
            throw new BusinessRuleException("amounts in " + currency + " have at most " + scale + " decimals");
        }
        BigDecimal payable = balance().subtract(pending);
        if (amount.compareTo(payable) > 0) {
            throw new BusinessRuleException("the payment " + amount + " exceeds what is left to pay (" + payable
                    + (pending.signum() > 0 ? ", with " + pending + " awaiting the card provider" : "") + ")");
        }
        return amount.compareTo(payable) == 0;
    }

    /** The change of a cash tender: what was handed over ({@code tendered}, or exactly the amount and tip) less both. */
    public static BigDecimal change(BigDecimal amount, BigDecimal tip, BigDecimal tendered) {
        BigDecimal due = amount.add(tip);
        BigDecimal handed = tendered == null ? due : tendered;
        if (handed.compareTo(due) < 0) {
            throw new BusinessRuleException("the cash tendered (" + handed + ") is less than the amount and tip (" + due + ")");
        }
        return handed.subtract(due);
    }

    /** Whether this order was created in the current transaction (so it was never completed before). */
    public boolean isNew() {
        return created;
    }

    /** The number of the next completion, if looked up in this transaction (else null). */
    public Integer nextCompletion() {
        return created ? Integer.valueOf(1) : nextCompletion;
    }

    /** Remembers the number of the next completion for the rest of this transaction. */
    public void nextCompletion(int seq) {
        nextCompletion = seq;
    }

    /** Books a successful payment; completes the order when nothing is left to pay. */
    public boolean paid(BigDecimal amount, BigDecimal tip) {
        requireOpen();
        if (amount.compareTo(balance()) > 0) {
            throw new BusinessRuleException("the payment " + amount + " exceeds the balance " + balance());
        }
        paid = paid.add(amount);
        tips = tips.add(tip);
        if (balance().signum() == 0 && !activeLines().isEmpty()) {
            complete();
            return true;
        }
        return false;
    }

    /**
     * Completes an open order with nothing left to pay without a payment: a re-opened order whose
     * changes left the balance at zero, or an order discounted to nothing.
     */
    public void close() {
        requireOpen();
        if (activeLines().isEmpty()) {
            throw new BusinessRuleException("order " + getId() + " has no lines to complete");
        }
        if (balance().signum() != 0) {
            throw new BusinessRuleException("order " + getId() + " still has " + balance() + " to pay");
        }
        complete();
    }

    private void complete() {
        status = OrderStatus.COMPLETED;
        completedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Re-opens a completed order (payments stay): SENT if anything went to the kitchen, else OPEN.
     * An order with refunds is corrected with refunds, not re-opened.
     */
    public void reopened() {
        if (status != OrderStatus.COMPLETED) {
            throw new BusinessRuleException("order " + getId() + " is " + status
                    + "; only a completed order without refunds can be re-opened");
        }
        status = lines.stream().anyMatch(OrderLine::isSent) ? OrderStatus.SENT : OrderStatus.OPEN;
        completedAt = null;
    }

    /** The customer the order is for (loyalty points go to them on completion), or none. */
    public void setCustomer(Long customerId) {
        requireOpen();
        this.customerId = customerId;
    }

    public void voided(String reason, String by) {
        requireOpen();
        if (paid.signum() != 0) {
            throw new BusinessRuleException("order " + getId() + " has payments; refund them instead of voiding");
        }
        status = OrderStatus.VOIDED;
        voidReason = reason;
        voidedBy = by;
        lines.forEach(l -> {
            if (l.getStatus() == LineStatus.ACTIVE) {
                l.voided(reason, by, null);
            }
        });
        reprice();
    }

    /** What may still be refunded: everything paid, tips included, less what was refunded. */
    public BigDecimal refundable() {
        return paid.add(tips).subtract(refunded);
    }

    /** Checks a refund before anything is given back: a paid order, the currency's scale, at most what may be refunded. */
    public void checkRefund(BigDecimal amount) {
        if (!status.refundable()) {
            throw new BusinessRuleException("order " + getId() + " is " + status + "; only completed orders are refunded");
        }
        if (amount.scale() > scale()) {
            throw new BusinessRuleException("amounts in " + currency + " have at most " + scale() + " decimals");
        }
        if (amount.compareTo(refundable()) > 0) {
            throw new BusinessRuleException("the refund " + amount + " exceeds what may be refunded (" + refundable() + ")");
        }
    }

    /** What the order allows now (see {@link OrderAction}). */
    public Set<OrderAction> actions() {
        Set<OrderAction> allowed = EnumSet.noneOf(OrderAction.class);
        boolean hasLines = !activeLines().isEmpty();
        if (status.open()) {
            allowed.addAll(List.of(OrderAction.ADD_LINES, OrderAction.DISCOUNT, OrderAction.CUSTOMER));
            if (hasLines) {
                allowed.add(OrderAction.VOID_LINE);
            }
            if (activeLines().stream().anyMatch(l -> !l.isSent())) {
                allowed.add(OrderAction.SEND);
            }
            if (balance().signum() > 0) {
                allowed.add(OrderAction.PAY);
            } else if (hasLines) {
                allowed.add(OrderAction.COMPLETE);
            }
            if (paid.signum() == 0) {
                allowed.add(OrderAction.VOID);
            }
        }
        if (status.refundable() && refundable().signum() > 0) {
            allowed.add(OrderAction.REFUND);
        }
        if (status == OrderStatus.COMPLETED) {
            allowed.add(OrderAction.REOPEN);
        }
        return allowed;
    }

    public void refunded(BigDecimal amount) {
        if (!status.refundable()) {
            throw new BusinessRuleException("order " + getId() + " is " + status + "; only completed orders are refunded");
        }
        if (amount.compareTo(refundable()) > 0) {
            throw new BusinessRuleException("the refund " + amount + " exceeds what may be refunded (" + refundable() + ")");
        }
        refunded = refunded.add(amount);
        status = refundable().signum() == 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    public long getOutletId() {
        return outletId;
    }

    public Channel getChannel() {
        return channel;
    }

    public Long getTableId() {
        return tableId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getDiscountTotal() {
        return discountTotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getTips() {
        return tips;
    }

    public BigDecimal getPaid() {
        return paid;
    }

    public BigDecimal getRefunded() {
        return refunded;
    }

    public DiscountType getDiscountType() {
        return discountType;
    }

    public BigDecimal getDiscountValue() {
        return discountValue;
    }

    public String getDiscountReason() {
        return discountReason;
    }

    public String getDiscountApprovedBy() {
        return discountApprovedBy;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
