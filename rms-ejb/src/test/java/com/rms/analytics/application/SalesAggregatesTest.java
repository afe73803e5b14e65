package com.rms.analytics.application;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rms.platform.events.RmsEvent;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventMessage;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.SchemaMigrator;
import com.rms.testing.RecordingEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregated sales on the real migrations: each event adds to its hour and items in the
 * facts' transaction (sale, refund, re-opening, once per event id), money at the currency's minor
 * unit (JPY, EUR, BHD), the aggregates always equal to the sums of the facts, and V9's backfill
 * building the same aggregates from facts recorded before it.
 */
class SalesAggregatesTest {

    private static final String HOURS = "select outlet_id, business_day, business_hour, orders, net, tax, gross, discounts, "
            + "refunds from sales_hour order by outlet_id, business_day, business_hour";
    private static final String ITEMS = "select outlet_id, business_day, menu_item_id, item_name, quantity, net "
            + "from sales_item_day order by outlet_id, business_day, menu_item_id";

    private ConsumerHarness h;
    private final RecordingEvents events = new RecordingEvents();

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA);
        h.seedOutlets(ALPHA);
        h.sql(ALPHA, "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                + "(3, 'Ginza', 'Asia/Tokyo', 'JPY', current_timestamp, current_timestamp), "
                + "(4, 'Manama', 'Asia/Bahrain', 'BHD', current_timestamp, current_timestamp)");
    }

    @AfterEach
    void close() {
        h.close();
    }

    private void apply(Tenant tenant, EventMessage event) {
        h.run(tenant, em -> ConsumerHarness.applyNew(em, EventConsumer.ANALYTICS,
                SalesFactsAccess.facts(em, events)::apply, List.of(event)));
    }

    private static String line(long lineId, long item, String name, int quantity, String net, String tax, String gross) {
        return "{\"lineId\":" + lineId + ",\"menuItemId\":" + item + ",\"sku\":\"S" + item + "\",\"name\":\"" + name
                + "\",\"categoryId\":7,\"categoryName\":\"Mains\",\"modifierIds\":[],\"quantity\":" + quantity
                + ",\"net\":" + net + ",\"tax\":" + tax + ",\"gross\":" + gross + "}";
    }

    private static final String LINES = "[" + line(1, 100, "Burger", 1, "3.03", "0.30", "3.33") + ","
            + line(2, 100, "Burger", 1, "3.03", "0.30", "3.33") + "," + line(3, 300, "Cola", 2, "2.80", "0.54", "3.34") + "]";

    private static EventMessage completed(Tenant tenant, String eventId, long orderId, String at, String discount) {
        return ConsumerHarness.event(tenant, "order.completed", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"number\":\"A-1\",\"channel\":\"DINE_IN\",\"staff\":\"cashier\",\"currency\":\"EUR\","
                + "\"completedAt\":\"" + at + "\",\"subtotal\":10.00,\"discountTotal\":" + discount
                + ",\"taxTotal\":1.14,\"total\":10.00,\"tips\":0,\"lines\":" + LINES + "}");
    }

    private static EventMessage refunded(Tenant tenant, String eventId, long orderId, String amount, String at) {
        return ConsumerHarness.event(tenant, "order.refunded", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"refundId\":9,\"currency\":\"EUR\",\"amount\":" + amount + ",\"total\":10.00,\"refundedAt\":\"" + at
                + "\",\"lines\":" + LINES + "}");
    }

    private static EventMessage reopened(Tenant tenant, String eventId, long orderId, String at, String discount) {
        return ConsumerHarness.event(tenant, "order.reopened", eventId, "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"total\":10.00,\"discountTotal\":" + discount + ",\"reason\":\"mistake\",\"stockReference\":\"order-"
                + orderId + "\",\"completionEventId\":\"x\",\"reopenedAt\":\"" + at + "\",\"lines\":" + LINES + "}");
    }

    /** Sales, a re-opening and a second completion, and a partial refund the next morning: Berlin time. */
    private void aDayOfTrading(Tenant tenant) {
        apply(tenant, completed(tenant, "e-1", 500, "2025-03-10T10:15:00Z", "0.50"));   // 11:15 Berlin
        apply(tenant, completed(tenant, "e-2", 501, "2025-03-10T10:45:00Z", "1.00"));   // 11:45
        apply(tenant, reopened(tenant, "e-3", 501, "2025-03-10T12:05:00Z", "1.00"));    // 13:05
        apply(tenant, completed(tenant, "e-4", 501, "2025-03-10T12:10:00Z", "1.00"));   // 13:10
        apply(tenant, refunded(tenant, "e-5", 500, "5.00", "2025-03-11T08:00:00Z"));    // 09:00 the next day
    }

    private static final List<String> DAY_OF_TRADING_HOURS = List.of(
            "[1, 2025-03-10, 11, 2, 17.72, 2.28, 20, 1.5, 0]",
            "[1, 2025-03-10, 13, 0, 0, 0, 0, 0, 0]",
            "[1, 2025-03-11, 9, 0, -4.43, -0.57, -5, 0, 5]");

    @Test
    void eachEventAddsToItsHourAndItemsOnce() {
        aDayOfTrading(ALPHA);
        apply(ALPHA, completed(ALPHA, "e-1", 500, "2025-03-10T10:15:00Z", "0.50"));   // a second delivery
        assertEquals(DAY_OF_TRADING_HOURS, strings(h.rows(ALPHA, HOURS)), "hour 11: two sales; 13: a re-opening (-1) "
                + "and the order completed again (+1); the refund on its own day, given back as refunds");
        assertEquals(List.of(
                "[1, 2025-03-10, 100, Burger, 4, 12.12]",
                "[1, 2025-03-10, 300, Cola, 4, 5.6]",
                "[1, 2025-03-11, 100, Burger, 0, -3.02]",
                "[1, 2025-03-11, 300, Cola, 0, -1.41]"), strings(h.rows(ALPHA, ITEMS)));
        assertAggregatesEqualTheFacts(ALPHA);
        assertEquals(List.of("sales.updated 1 2025-03-10 11", "sales.updated 1 2025-03-10 11",
                "sales.updated 1 2025-03-10 13", "sales.updated 1 2025-03-10 13", "sales.updated 1 2025-03-11 9"),
                events.published.stream().map((RmsEvent e) -> e.type() + " " + e.outletId() + " "
                        + e.data().getString("businessDate") + " " + e.data().getInt("hour")).toList(),
                "one socket event per event applied, none for the second delivery");
    }

    @Test
    void theDashboardReadsTheDaysHoursAndTopItems() {
        aDayOfTrading(ALPHA);
        List<SalesAggregates.Hour> hours = h.call(ALPHA, em -> SalesFactsAccess.aggregates(em)
                .hours(1, LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 10)));
        assertEquals(List.of(11, 13), hours.stream().map(SalesAggregates.Hour::hour).sorted().toList());
        List<com.rms.analytics.domain.SalesDelta.Item> top = h.call(ALPHA, em -> SalesFactsAccess.aggregates(em)
                .topItems(1, LocalDate.of(2025, 3, 10), 1));
        assertEquals(List.of("100 Burger 4 12.12"), top.stream().map(i -> i.menuItemId() + " " + i.name() + " "
                + i.quantity() + " " + i.net().stripTrailingZeros().toPlainString()).toList(), "by net, at most the limit");
        assertEquals(List.of(), h.call(ALPHA, em -> SalesFactsAccess.aggregates(em).topItems(2,
                LocalDate.of(2025, 3, 10), 5)), "another outlet sold nothing");
    }

    @Test
    void moneyIsKeptAtTheMinorUnitOfTheSalesCurrency() {
        apply(ALPHA, ConsumerHarness.event(ALPHA, "order.completed", "y-1", "{\"orderId\":600,\"outletId\":3,"
                + "\"currency\":\"JPY\",\"completedAt\":\"2025-03-10T03:00:00Z\",\"total\":1000,\"lines\":["
                + line(1, 100, "Ramen", 1, "909.49", "90.91", "1000.4") + "]}"));
        apply(ALPHA, ConsumerHarness.event(ALPHA, "order.completed", "b-1", "{\"orderId\":601,\"outletId\":4,"
                + "\"currency\":\"BHD\",\"completedAt\":\"2025-03-10T09:00:00Z\",\"total\":3.334,\"lines\":["
                + line(1, 100, "Machboos", 1, "3.0305", "0.3035", "3.3335") + "]}"));
        apply(ALPHA, ConsumerHarness.event(ALPHA, "order.completed", "u-1", "{\"orderId\":602,\"outletId\":1,"
                + "\"currency\":\"EUR\",\"completedAt\":\"2025-03-10T09:00:00Z\",\"total\":3.34,\"lines\":["
                + line(1, 100, "Burger", 1, "3.035", "0.305", "3.345") + "]}"));
        assertEquals(List.of("[600, 909, 91, 1000]", "[601, 3.030, 0.304, 3.334]", "[602, 3.04, 0.30, 3.34]"),
                h.rows(ALPHA, "select order_id, net, tax, gross from sales_fact order by order_id").stream()
                        .map(r -> List.of(r.get(0), new BigDecimal(r.get(1).toString()).setScale(scaleOf(r.get(0)),
                                java.math.RoundingMode.UNNECESSARY), new BigDecimal(r.get(2).toString())
                                .setScale(scaleOf(r.get(0)), java.math.RoundingMode.UNNECESSARY),
                                new BigDecimal(r.get(3).toString()).setScale(scaleOf(r.get(0)),
                                        java.math.RoundingMode.UNNECESSARY)).toString()).toList(),
                "HALF_EVEN at 0 decimals for yen, 3 for dinars, 2 for euros");
        assertAggregatesEqualTheFacts(ALPHA);
        SalesReport yen = h.call(ALPHA, em -> SalesFactsAccess.facts(em).sales("2025-03-10", "2025-03-10", 3L, "day",
                new PageRequest(0, 50)));
        assertEquals(new BigDecimal("1000"), yen.totals().gross());
        SalesReport dinars = h.call(ALPHA, em -> SalesFactsAccess.facts(em).sales("2025-03-10", "2025-03-10", 4L, "day",
                new PageRequest(0, 50)));
        assertEquals(new BigDecimal("3.334"), dinars.totals().gross());
        assertEquals(new BigDecimal("0.304"), dinars.items().get(0).tax());
    }

    private static int scaleOf(Object orderId) {
        return ((Number) orderId).longValue() == 600 ? 0 : ((Number) orderId).longValue() == 601 ? 3 : 2;
    }

    @Test
    void v9BuildsTheAggregatesOfFactsRecordedBeforeItAsTheConsumerDoes() {
        aDayOfTrading(ALPHA);
        String schema = "t_legacy";
        Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(h.dataSource).schemas(schema)
                .defaultSchema(schema).locations("classpath:db/migration/tenant").createSchemas(true)
                .callbackLocations("classpath:db/callback").target("8.2").load().migrate();
        Tenant legacy = Tenant.of("legacy");
        h.seedOutlets(legacy);
        h.sql(legacy, order(500, "0.50"), order(501, "1.00"),
                "insert into t_legacy.sales_fact select * from " + ALPHA.schema() + ".sales_fact");
        new SchemaMigrator(h.dataSource).migrateTenant(schema);
        assertEquals(DAY_OF_TRADING_HOURS, strings(h.rows(legacy, HOURS)));
        assertEquals(strings(h.rows(ALPHA, ITEMS)), strings(h.rows(legacy, ITEMS)));
    }

    private static String order(long id, String discount) {
        return "insert into pos_order (id, outlet_id, channel, status, currency, subtotal, discount_total, tax_total, total, "
                + "tips, paid, refunded, created_by, completed_at, created_at, updated_at) values (" + id + ", 1, "
                + "'TAKEAWAY', 'COMPLETED', 'EUR', 10, " + discount + ", 1, 10, 0, 10, 0, 'cashier', current_timestamp, "
                + "current_timestamp, current_timestamp)";
    }

    /** Every aggregate row is the sum of its facts (orders: sale events minus re-openings). */
    private void assertAggregatesEqualTheFacts(Tenant tenant) {
        assertEquals(strings(h.rows(tenant, "select outlet_id, business_day, business_hour, "
                + "count(distinct case when kind = 'SALE' then event_id end) - count(distinct case when kind = 'VOID' "
                + "then event_id end), sum(net), sum(tax), sum(gross), -sum(case when kind = 'REFUND' then gross else 0 end) "
                + "from sales_fact group by outlet_id, business_day, business_hour order by 1, 2, 3")),
                strings(h.rows(tenant, "select outlet_id, business_day, business_hour, orders, net, tax, gross, refunds "
                        + "from sales_hour order by 1, 2, 3")));
        assertEquals(strings(h.rows(tenant, "select outlet_id, business_day, menu_item_id, sum(quantity), sum(net) "
                + "from sales_fact group by outlet_id, business_day, menu_item_id order by 1, 2, 3")),
                strings(h.rows(tenant, "select outlet_id, business_day, menu_item_id, quantity, net from sales_item_day "
                        + "order by 1, 2, 3")));
    }

    /** Rows as text, so an INTEGER column and a BIGINT sum of the same number compare equal. */
    private static List<String> strings(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).toList();
    }
}
