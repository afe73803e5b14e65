package com.rms.analytics.application;

import com.rms.analytics.application.DashboardView.DaySoFar;
import com.rms.analytics.application.DashboardView.HourSales;
import com.rms.analytics.application.DashboardView.TopItem;
import com.rms.analytics.domain.SalesDelta;
import com.rms.inventory.application.StockControl;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.security.CallerContext;
import com.rms.pos.application.OrderQueries;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The live dashboard of an outlet: its business day so far in its own time zone. Served from the
 * pre-aggregated sales ({@link SalesAggregates}: at most 48 hour rows and the day's item rows,
 * whatever the number of facts), the count of open orders and of low stock items; so it stays a
 * few index lookups at a chain's volume. Readable by whoever may read the outlet's reports (owners,
 * its managers, batch operators); anyone else, like another tenant, is told there is no such outlet.
 *
 * <p>One transaction for the five reads: they share one pooled connection, pointed at the tenant's
 * schema once (five reads outside a transaction took a connection each; bench/reports.sh measured
 * 529 req/s, p99 65 ms at 16 connections that way, 963 req/s, p99 36 ms in one transaction).
 */
@ApplicationScoped
@Transactional
public class Dashboard {

    /** How many items the day's best sellers list. */
    static final int TOP_ITEMS = 5;

    @Inject
    OutletDirectory outlets;

    @Inject
    SalesAggregates aggregates;

    @Inject
    OrderQueries orders;

    @Inject
    StockControl stock;

    Clock clock = Clock.systemUTC();

    /** The dashboard of the outlet named by the {@code outletId} parameter (400 when missing or not an id). */
    public DashboardView today(String outletId) {
        return today(parse(outletId));
    }

    /** The dashboard of the outlet (404 when it is not one the caller may read). */
    public DashboardView today(long outletId) {
        OutletView outlet = outlets.find(outletId).filter(o -> CallerContext.current().mayReadReportsOf(o.id()))
                .orElseThrow(() -> new NotFoundException("no outlet " + outletId));
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(SalesFacts.zone(outlet));
        LocalDate today = now.toLocalDate();
        int scale = MinorUnits.of(outlet.currency(), null);
        return assemble(outlet, today, now.getHour(), aggregates.hours(outletId, today, today.minusWeeks(1)),
                aggregates.topItems(outletId, today, TOP_ITEMS), orders.openCount(outletId),
                stock.lowStockCount(outletId), scale);
    }

    /**
     * The figures from the aggregated hours of today and of a week ago: today's totals; each hour
     * from midnight to the current one (and any later one that already has sales) with its orders and
     * net; a week ago up to the end of the current hour; net per order.
     */
    static DashboardView assemble(OutletView outlet, LocalDate today, int hourNow, List<SalesAggregates.Hour> hours,
            List<SalesDelta.Item> top, long openOrders, long lowStock, int scale) {
        List<SalesAggregates.Hour> todays = hours.stream().filter(h -> h.day().equals(today)).toList();
        LocalDate weekAgo = today.minusWeeks(1);
        List<SalesAggregates.Hour> lastWeek = hours.stream()
                .filter(h -> h.day().equals(weekAgo) && h.hour() <= hourNow).toList();
        long count = todays.stream().mapToLong(SalesAggregates.Hour::orders).sum();
        BigDecimal net = sum(todays, SalesAggregates.Hour::net, scale);
        int lastHour = todays.stream().mapToInt(SalesAggregates.Hour::hour).reduce(hourNow, Math::max);
        List<HourSales> byHour = new ArrayList<>();
        for (int hour = 0; hour <= lastHour; hour++) {
            int h = hour;
            List<SalesAggregates.Hour> in = todays.stream().filter(x -> x.hour() == h).toList();
            byHour.add(new HourSales(hour, in.stream().mapToLong(SalesAggregates.Hour::orders).sum(),
                    sum(in, SalesAggregates.Hour::net, scale)));
        }
        BigDecimal average = count > 0 ? net.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_EVEN)
                : MinorUnits.round(BigDecimal.ZERO, scale);
        return new DashboardView(outlet.id(), outlet.currency(), today, count, net,
                sum(todays, SalesAggregates.Hour::gross, scale), sum(todays, SalesAggregates.Hour::tax, scale),
                sum(todays, SalesAggregates.Hour::discounts, scale), sum(todays, SalesAggregates.Hour::refunds, scale),
                average, byHour, new DaySoFar(lastWeek.stream().mapToLong(SalesAggregates.Hour::orders).sum(),
                        sum(lastWeek, SalesAggregates.Hour::net, scale)),
                top.stream().map(i -> new TopItem(i.menuItemId(), i.name(), i.quantity(),
                        MinorUnits.round(i.net(), scale))).toList(), openOrders, lowStock);
    }

    private static BigDecimal sum(List<SalesAggregates.Hour> hours, Function<SalesAggregates.Hour, BigDecimal> field,
            int scale) {
        return MinorUnits.round(hours.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add), scale);
    }

    private static long parse(String outletId) {
        if (outletId == null || outletId.isBlank()) {
            throw new ValidationException("outletId is required", List.of(new FieldError("outletId", "is required")));
        }
        try {
            return Long.parseLong(outletId.trim());
        } catch (NumberFormatException notANumber) {
            throw new ValidationException("outletId is not an outlet id",
                    List.of(new FieldError("outletId", "must be an outlet id (a number)")));
        }
    }
}
