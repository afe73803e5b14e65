package com.rms.analytics.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.analytics.application.SalesRow;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesChartTest {

    private static SalesRow row(String key, String label, String net) {
        return new SalesRow(key, label, 1, new BigDecimal(net), BigDecimal.ZERO, new BigDecimal(net), 1);
    }

    private static JsonObject chart(String groupBy, List<SalesRow> rows, LocalDate from, LocalDate to) {
        return Json.createReader(new StringReader(SalesChart.of(groupBy, rows, from, to, "EUR"))).readObject();
    }

    private static JsonArray labels(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("labels");
    }

    private static List<BigDecimal> net(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data").stream()
                .map(v -> Json.createValue(new BigDecimal(v.toString())).bigDecimalValue()).toList();
    }

    @Test
    void daysAreALineWithEveryDayOfTheRange() {
        JsonObject chart = chart("day", List.of(row("2025-01-01", "2025-01-01", "10.00"), row("2025-01-03", "2025-01-03", "5.50")),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 4));
        assertEquals("line", chart.getString("type"));
        assertEquals(List.of("2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"),
                labels(chart).getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of(new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("5.50"), BigDecimal.ZERO), net(chart));
        assertEquals("Net (EUR)", chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getString("label"));
    }

    @Test
    void hoursAreALineOverTheWholeDay() {
        JsonObject chart = chart("hour", List.of(row("9", "9", "3.00"), row("13", "13", "7.25")),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1));
        assertEquals("line", chart.getString("type"));
        assertEquals(24, labels(chart).size());
        assertEquals("09:00", labels(chart).getString(9));
        assertEquals(new BigDecimal("3.00"), net(chart).get(9));
        assertEquals(new BigDecimal("7.25"), net(chart).get(13));
        assertEquals(BigDecimal.ZERO, net(chart).get(0));
    }

    @Test
    void itemsAreBarsLargestFirstWithNamesEscaped() {
        JsonObject chart = chart("item", List.of(row("1", "Tea \"green\" </script>", "2.00"), row("2", "Burger", "19.80")),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1));
        assertEquals("bar", chart.getString("type"));
        assertEquals(List.of("Burger", "Tea \"green\" </script>"), labels(chart).getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of(new BigDecimal("19.80"), new BigDecimal("2.00")), net(chart));
        assertFalse(chart.getJsonObject("options").getJsonObject("plugins").containsKey("title"));
    }

    @Test
    void manyGroupsShowTheLargestAndSaySo() {
        List<SalesRow> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(row(Integer.toString(i), "Item " + i, i + ".00"));
        }
        for (String grouping : List.of("item", "category", "outlet", "staff", "channel")) {
            JsonObject chart = chart(grouping, rows, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
            assertEquals("bar", chart.getString("type"), grouping);
            assertEquals(SalesChart.MAX_BARS, labels(chart).size());
            assertEquals("Item 30", labels(chart).getString(0));
            assertTrue(chart.getJsonObject("options").getJsonObject("plugins").getJsonObject("title").getString("text")
                    .contains("20 largest of 30"));
        }
    }
}
