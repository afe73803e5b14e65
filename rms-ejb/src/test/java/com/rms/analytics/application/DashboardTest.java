package com.rms.analytics.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.analytics.application.DashboardView.DaySoFar;
import com.rms.analytics.application.DashboardView.HourSales;
import com.rms.analytics.application.DashboardView.TopItem;
import com.rms.analytics.domain.SalesDelta;
import com.rms.platform.error.ValidationException;
import com.rms.tenancy.application.OutletView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's figures from the aggregated hours: totals, hours so far, a week ago so far, net per order. */
class DashboardTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 17);
    private static final LocalDate WEEK_AGO = LocalDate.of(2025, 3, 10);

    private static OutletView outlet(String currency) {
        return new OutletView(1, "Mitte", "Main St 1", null, "Europe/Berlin", currency, true, 0, null, null);
    }

    private static SalesAggregates.Hour hour(LocalDate day, int hour, int orders, String net, String tax, String gross,
            String discounts, String refunds) {
        return new SalesAggregates.Hour(day, hour, orders, new BigDecimal(net), new BigDecimal(tax), new BigDecimal(gross),
                new BigDecimal(discounts), new BigDecimal(refunds));
    }

    @Test
    void todaysHoursAreSummedAndShownFromMidnightToNow() {
        List<SalesAggregates.Hour> hours = List.of(
                hour(TODAY, 9, 2, "16.81", "3.19", "20.00", "1.00", "0"),
                hour(TODAY, 11, 1, "8.40", "1.60", "10.00", "0", "0"),
                hour(TODAY, 12, 0, "-4.20", "-0.80", "-5.00", "0", "5.00"),
                hour(WEEK_AGO, 10, 3, "30.00", "5.70", "35.70", "0", "0"),
                hour(WEEK_AGO, 12, 1, "9.00", "1.71", "10.71", "0", "0"),
                hour(WEEK_AGO, 13, 5, "50.00", "9.50", "59.50", "0", "0"));
        DashboardView d = Dashboard.assemble(outlet("EUR"), TODAY, 12, hours,
                List.of(new SalesDelta.Item(100, "Burger", 3, new BigDecimal("25.2100"))), 4, 2, 2);
        assertEquals(TODAY, d.businessDate());
        assertEquals(3, d.orders());
        assertEquals(new BigDecimal("21.01"), d.net());
        assertEquals(new BigDecimal("3.99"), d.tax());
        assertEquals(new BigDecimal("25.00"), d.gross());
        assertEquals(new BigDecimal("1.00"), d.discounts());
        assertEquals(new BigDecimal("5.00"), d.refunds());
        assertEquals(new BigDecimal("7.00"), d.averageTicket(), "21.01 / 3 = 7.0033");
        assertEquals(13, d.byHour().size(), "hours 0 to 12");
        assertEquals(new HourSales(0, 0, new BigDecimal("0.00")), d.byHour().get(0));
        assertEquals(new HourSales(9, 2, new BigDecimal("16.81")), d.byHour().get(9));
        assertEquals(new HourSales(12, 0, new BigDecimal("-4.20")), d.byHour().get(12));
        assertEquals(new DaySoFar(4, new BigDecimal("39.00")), d.sameDayLastWeek(), "a week ago up to 12:59, not 13:00");
        assertEquals(List.of(new TopItem(100, "Burger", 3, new BigDecimal("25.21"))), d.topItems());
        assertEquals(4, d.openOrders());
        assertEquals(2, d.lowStockCount());
    }

    @Test
    void aQuietDayIsZeroesAtTheCurrencysMinorUnit() {
        DashboardView yen = Dashboard.assemble(outlet("JPY"), TODAY, 0, List.of(), List.of(), 0, 0, 0);
        assertEquals(0, yen.orders());
        assertEquals(new BigDecimal("0"), yen.net());
        assertEquals(new BigDecimal("0"), yen.averageTicket());
        assertEquals(List.of(new HourSales(0, 0, new BigDecimal("0"))), yen.byHour());
        assertEquals(new DaySoFar(0, new BigDecimal("0")), yen.sameDayLastWeek());
        DashboardView dinars = Dashboard.assemble(outlet("BHD"), TODAY, 1,
                List.of(hour(TODAY, 1, 3, "10.000", "0", "10.000", "0", "0")), List.of(), 0, 0, 3);
        assertEquals(new BigDecimal("3.333"), dinars.averageTicket());
        assertEquals(new BigDecimal("10.000"), dinars.net());
    }

    @Test
    void salesAlreadyBookedInALaterHourAreShownToo() {
        DashboardView d = Dashboard.assemble(outlet("EUR"), TODAY, 8,
                List.of(hour(TODAY, 9, 1, "1.00", "0", "1.00", "0", "0")), List.of(), 0, 0, 2);
        assertEquals(10, d.byHour().size(), "hours 0 to 9: a sale stamped a moment ahead of this server's clock");
        assertEquals(1, d.orders());
    }

    @Test
    void theOutletIdParameterIsRequiredAndANumber() {
        Dashboard dashboard = new Dashboard();
        assertEquals("outletId", assertThrows(ValidationException.class, () -> dashboard.today((String) null))
                .errors().get(0).field());
        assertEquals("outletId", assertThrows(ValidationException.class, () -> dashboard.today(" "))
                .errors().get(0).field());
        assertEquals("outletId", assertThrows(ValidationException.class, () -> dashboard.today("abc"))
                .errors().get(0).field());
    }
}
