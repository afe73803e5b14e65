package com.rms.analytics.application;

import com.rms.analytics.domain.SaleKind;
import com.rms.analytics.domain.SalesDelta;
import com.rms.analytics.domain.SalesFact;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.events.Events;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventType;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.messaging.OrderCompleted;
import com.rms.platform.messaging.OrderRefunded;
import com.rms.platform.messaging.OrderReopened;
import com.rms.platform.messaging.SaleEvent;
import com.rms.platform.messaging.SaleLine;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sales facts: recorded from the RMS.Analytics queue (one fact per line of a completed order; the
 * re-opening of a completed order negates them, a refund adds negative facts scaled by refunded
 * amount / order total), and summed by day, hour, item, category, outlet, staff or channel for the
 * sales report. What each event records is added to the pre-aggregated sales of its hour and items
 * ({@link SalesAggregates}) in the same transaction, and the outlet's sockets hear
 * {@code sales.updated} once it committed, so a live dashboard reads the new figures.
 *
 * <p>Money is kept at the minor unit of the sale's currency (2 decimals for EUR, 0 for JPY, 3 for
 * BHD), rounded HALF_EVEN. Refund rounding: each line's gross and tax share is rounded to that unit,
 * and the rounding remainder goes to the line with the largest amount, so the refund facts sum
 * exactly to the refunded share of the lines (the refunded amount when the lines make up the total).
 */
@ApplicationScoped
@Transactional
public class SalesFacts {

    public static final String CONSUMER = EventConsumer.ANALYTICS.consumerName();
    /** The socket event that says an outlet's sales figures changed (after commit). */
    public static final String SALES_UPDATED = "sales.updated";
    private static final int MAX_DAYS = 366;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletDirectory outlets;

    @Inject
    SalesAggregates aggregates;

    @Inject
    Events events;

    /** A line of the event with its money. */
    private record Sold(SalesFact.Line line, int quantity, BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    /** Applies an event of the RMS.Analytics queue in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SaleEvent event) {
        OutletView outlet = outlet(event.outletId());
        int scale = MinorUnits.of(event.currency(), outlet.currency());
        List<Sold> lines = lines(event, scale);
        ZoneId zone = zone(outlet);
        List<SalesFact> facts = switch (EventType.of(event)) {
            case ORDER_COMPLETED -> sold(event.eventId(), lines, ((OrderCompleted) event).completedAt(), zone);
            case ORDER_REOPENED -> reversed(event.eventId(), lines, ((OrderReopened) event).reopenedAt(), zone,
                    soldLines(event.orderId()));
            case ORDER_REFUNDED -> refunded((OrderRefunded) event, lines, zone, scale);
        };
        facts.forEach(em::persist);
        BigDecimal discount = MinorUnits.round(Objects.requireNonNullElse(event.discountTotal(), BigDecimal.ZERO), scale);
        SalesDelta delta = switch (EventType.of(event)) {
            case ORDER_COMPLETED -> SalesDelta.of(facts, 1, discount);
            case ORDER_REOPENED -> SalesDelta.of(facts, -1, discount.negate());
            case ORDER_REFUNDED -> SalesDelta.of(facts, 0, BigDecimal.ZERO);
        };
        aggregates.add(delta);
        events.publish(event.outletId(), SALES_UPDATED, Json.createObjectBuilder()
                .add("businessDate", delta.businessDay().toString()).add("hour", delta.businessHour())
                .add("orderId", event.orderId()).build());
    }

    private static List<SalesFact> sold(String eventId, List<Sold> lines, OffsetDateTime completedAt, ZoneId zone) {
        OffsetDateTime at = orNow(completedAt);
        return lines.stream().map(l -> new SalesFact(eventId, SaleKind.SALE, l.line(), at, zone, l.quantity(), l.net(),
                l.tax(), l.gross())).toList();
    }

    /** A re-opening negates what the completion recorded, booked against the sale's dimensions. */
    private static List<SalesFact> reversed(String eventId, List<Sold> lines, OffsetDateTime reopenedAt, ZoneId zone,
            Map<Long, SalesFact.Line> sold) {
        OffsetDateTime at = orNow(reopenedAt);
        return lines.stream().map(l -> new SalesFact(eventId, SaleKind.VOID, sold.getOrDefault(l.line().lineId(),
                l.line()), at, zone, -l.quantity(), l.net().negate(), l.tax().negate(), l.gross().negate())).toList();
    }

    private List<SalesFact> refunded(OrderRefunded event, List<Sold> lines, ZoneId zone, int scale) {
        BigDecimal amount = event.amount();
        BigDecimal total = event.total();
        if (amount.compareTo(total) > 0) {
            throw new MalformedEventException("a refund needs 0 < amount <= total, got " + amount + " of " + total);
        }
        OffsetDateTime at = orNow(event.refundedAt());
        Map<Long, SalesFact.Line> sold = soldLines(event.orderId());
        List<BigDecimal> gross = share(lines.stream().map(Sold::gross).toList(), amount, total, scale);
        List<BigDecimal> tax = share(lines.stream().map(Sold::tax).toList(), amount, total, scale);
        boolean full = amount.compareTo(total) == 0;
        List<SalesFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Sold l = lines.get(i);
            facts.add(new SalesFact(event.eventId(), SaleKind.REFUND, sold.getOrDefault(l.line().lineId(), l.line()),
                    at, zone, full ? -l.quantity() : 0, gross.get(i).subtract(tax.get(i)).negate(), tax.get(i).negate(),
                    gross.get(i).negate()));
        }
        return facts;
    }

    /**
     * Each value times amount / total, rounded HALF_EVEN to {@code scale} decimals (the currency's
     * minor unit), with the remainder on the largest value so the shares sum to the rounded share of
     * the sum.
     */
    static List<BigDecimal> share(List<BigDecimal> values, BigDecimal amount, BigDecimal total, int scale) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = sum.multiply(amount).divide(total, scale, RoundingMode.HALF_EVEN);
        List<BigDecimal> shares = new ArrayList<>();
        int largest = 0;
        for (int i = 0; i < values.size(); i++) {
            shares.add(values.get(i).multiply(amount).divide(total, scale, RoundingMode.HALF_EVEN));
            if (values.get(i).abs().compareTo(values.get(largest).abs()) > 0) {
                largest = i;
            }
        }
        BigDecimal remainder = target.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        shares.set(largest, shares.get(largest).add(remainder));
        return shares;
    }

    private static List<Sold> lines(SaleEvent event, int scale) {
        List<Sold> lines = new ArrayList<>();
        for (SaleLine line : event.lines()) {
            if (line.quantity() > 1_000_000) {
                throw new MalformedEventException("lines[].quantity: must be at most 1000000");
            }
            SalesFact.Line dims = new SalesFact.Line(event.orderId(), event.number(), line.lineId(), event.outletId(),
                    event.staff(), event.channel(), line.menuItemId(), line.sku(), line.name(), line.categoryId(),
                    line.categoryName(), event.currency());
            lines.add(new Sold(dims, line.quantity(), MinorUnits.round(line.net(), scale),
                    MinorUnits.round(line.tax(), scale), MinorUnits.round(line.gross(), scale)));
        }
        return lines;
    }

    /** When the event happened; events without the time count now. */
    private static OffsetDateTime orNow(OffsetDateTime at) {
        return at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at;
    }

    /** The dimensions the sale recorded for each line of the order (a reversal books against them). */
    private Map<Long, SalesFact.Line> soldLines(long orderId) {
        return em.createQuery("select f from SalesFact f where f.orderId = :o and f.kind = :sale", SalesFact.class)
                .setParameter("o", orderId).setParameter("sale", SaleKind.SALE).getResultStream()
                .collect(Collectors.toMap(SalesFact::getLineId, SalesFact::line, (a, b) -> a));
    }

    private OutletView outlet(long outletId) {
        return outlets.find(outletId)
                .orElseThrow(() -> new MalformedEventException("no outlet " + outletId + " in this tenant"));
    }

    /** The outlet's time zone; one the JDK does not know counts as UTC, as it always has for the facts. */
    static ZoneId zone(OutletView outlet) {
        try {
            return ZoneId.of(outlet.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    // ---- the report ---------------------------------------------------------------------------

    private static final Map<String, String[]> GROUPS = Map.of(
            // key expression, label expression
            "day", new String[] {"business_day", "max(business_day)"},
            "hour", new String[] {"business_hour", "max(business_hour)"},
            "item", new String[] {"menu_item_id", "max(item_name)"},
            "category", new String[] {"category_id", "max(category_name)"},
            "outlet", new String[] {"outlet_id", "max(outlet_id)"},
            "staff", new String[] {"staff", "max(staff)"},
            "channel", new String[] {"channel", "max(channel)"});

    /**
     * Sales between business days {@code from} and {@code to} (inclusive, ISO dates; both absent:
     * today in UTC; {@code to} absent: up to today, at most a year), optionally at one outlet, grouped by {@code groupBy} (default day). Outlet staff see only
     * their outlets. Amounts are at the minor unit of the outlet's currency (of the chain's outlets:
     * the finest of their currencies).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SalesReport sales(String from, String to, Long outletId, String groupBy, PageRequest paging) {
        List<FieldError> errors = new ArrayList<>();
        String group = groupBy == null || groupBy.isBlank() ? "day" : groupBy;
        if (!GROUPS.containsKey(group)) {
            errors.add(new FieldError("groupBy", "must be one of day, hour, item, category, outlet, staff, channel"));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = date(errors, "from", from, null);
        LocalDate last = date(errors, "to", to, null);
        if (first == null && last == null) {
            first = today;
            last = today;
        } else if (first == null) {
            first = last;
        } else if (last == null) {
            LocalDate upToToday = first.isAfter(today) ? first : today;
            last = upToToday.isAfter(first.plusDays(MAX_DAYS)) ? first.plusDays(MAX_DAYS) : upToToday;
        }
        if (errors.isEmpty() && first.isAfter(last)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (errors.isEmpty() && first.plusDays(MAX_DAYS).isBefore(last)) {
            errors.add(new FieldError("to", "at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the report parameters are invalid", errors);
        }
        Collection<Long> scope = scope(outletId);
        int scale = outletId != null ? MinorUnits.of(outlets.find(outletId).orElseThrow().currency(), null)
                : outlets.currencies().stream().mapToInt(c -> MinorUnits.of(c, null)).max().orElse(MinorUnits.DEFAULT);
        String[] g = GROUPS.get(group);
        StringBuilder sql = new StringBuilder("select ").append(g[0]).append(", ").append(g[1])
                .append(", sum(quantity), sum(net), sum(tax), sum(gross), ")
                .append("count(distinct case when kind = 'SALE' then order_id end) ")
                .append("- count(distinct case when kind = 'VOID' then order_id end) ")
                .append("from sales_fact where business_day >= ?1 and business_day <= ?2");
        if (scope != null) {
            sql.append(" and outlet_id in (").append(scope.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(")");
        }
        sql.append(" group by ").append(g[0]).append(" order by ").append(g[0]);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql.toString())
                .setParameter(1, java.sql.Date.valueOf(first)).setParameter(2, java.sql.Date.valueOf(last))
                .getResultList();
        Function<Object, String> label = "outlet".equals(group) ? this::outletName : v -> v == null ? null : text(v);
        List<SalesRow> all = rows.stream().map(r -> new SalesRow(r[0] == null ? null : text(r[0]),
                r[1] == null ? "(none)" : label.apply(r[1]), number(r[2]).longValue(), money(r[3], scale),
                money(r[4], scale), money(r[5], scale), number(r[6]).longValue())).toList();
        long orders = totalOrders(first, last, scope);
        SalesRow totals = new SalesRow("total", "Total", all.stream().mapToLong(SalesRow::quantity).sum(),
                sum(all, SalesRow::net, scale), sum(all, SalesRow::tax, scale), sum(all, SalesRow::gross, scale), orders);
        List<SalesRow> page = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new SalesReport(page, paging.page(), paging.size(), all.size(), group, first, last, outletId, totals);
    }

    private long totalOrders(LocalDate first, LocalDate last, Collection<Long> scope) {
        String sql = "select count(distinct case when kind = 'SALE' then order_id end) "
                + "- count(distinct case when kind = 'VOID' then order_id end) from sales_fact "
                + "where business_day >= ?1 and business_day <= ?2"
                + (scope == null ? "" : " and outlet_id in (" + scope.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")");
        return number(em.createNativeQuery(sql).setParameter(1, java.sql.Date.valueOf(first))
                .setParameter(2, java.sql.Date.valueOf(last)).getSingleResult()).longValue();
    }

    /** The outlets the report may cover: null for all of the tenant's. */
    private Collection<Long> scope(Long outletId) {
        Caller caller = CallerContext.current();
        if (outletId != null) {
            if (!outlets.exists(outletId) || !caller.mayReadReportsOf(outletId)) {
                throw new NotFoundException("no outlet " + outletId);
            }
            return Set.of(outletId);
        }
        if (caller.reportsLimitedToOutlets() && caller.outletIds().isEmpty()) {
            // no outlets is no outlet, never all of them; an id no outlet has keeps the SQL valid
            return Set.of(-1L);
        }
        return caller.reportsLimitedToOutlets() ? caller.outletIds() : null;
    }

    private String outletName(Object id) {
        try {
            return outlets.get(number(id).longValue()).name();
        } catch (NotFoundException e) {
            return text(id);
        }
    }

    private static LocalDate date(List<FieldError> errors, String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date such as 2025-01-31"));
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(value);
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }

    private static BigDecimal money(Object value, int scale) {
        BigDecimal d = value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return MinorUnits.round(d, scale);
    }

    private static BigDecimal sum(List<SalesRow> rows, Function<SalesRow, BigDecimal> field, int scale) {
        return MinorUnits.round(rows.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add), scale);
    }
}
