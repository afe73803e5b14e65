package com.rms.analytics.admin;

import com.rms.analytics.application.SalesRow;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales report as the Chart.js configuration PrimeFaces' {@code p:chart} takes, net per group:
 * a line over time for days and hours (days and hours without sales drawn as 0, so the line does not
 * skip them), bars for items, categories, outlets, staff and channels (the {@value #MAX_BARS} largest
 * by net when there are more). Built with JSON-P, so names are always escaped.
 */
final class SalesChart {

    static final int MAX_BARS = 20;

    private SalesChart() {
    }

    static String of(String groupBy, List<SalesRow> rows, LocalDate from, LocalDate to, String currency) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder net = Json.createArrayBuilder();
        String title = null;
        boolean line = "day".equals(groupBy) || "hour".equals(groupBy);
        if (line) {
            Map<String, BigDecimal> byKey = new HashMap<>();
            rows.forEach(r -> byKey.put(r.key(), r.net()));
            if ("day".equals(groupBy)) {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    labels.add(d.toString());
                    net.add(byKey.getOrDefault(d.toString(), BigDecimal.ZERO));
                }
            } else {
                for (int h = 0; h < 24; h++) {
                    labels.add(SalesLabels.hour(h));
                    net.add(byKey.getOrDefault(Integer.toString(h), BigDecimal.ZERO));
                }
            }
        } else {
            List<SalesRow> bars = rows.stream().sorted(Comparator.comparing(SalesRow::net).reversed()
                    .thenComparing(r -> String.valueOf(SalesLabels.of(groupBy, r)))).limit(MAX_BARS).toList();
            if (rows.size() > MAX_BARS) {
                title = "The " + MAX_BARS + " largest of " + rows.size() + " by net";
            }
            for (SalesRow r : bars) {
                labels.add(String.valueOf(SalesLabels.of(groupBy, r)));
                net.add(r.net());
            }
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", "Net" + (currency == null ? "" : " (" + currency + ")"))
                .add("data", net).add("backgroundColor", "#1976d2").add("borderColor", "#1976d2");
        if (line) {
            dataset.add("fill", false);
        }
        JsonObjectBuilder plugins = Json.createObjectBuilder();
        if (title != null) {
            plugins.add("title", Json.createObjectBuilder().add("display", true).add("text", title));
        }
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("plugins", plugins)
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
        if (!line) {
            // many or long names read better as horizontal bars
            options.add("indexAxis", "y")
                    .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("beginAtZero", true)));
        }
        return Json.createObjectBuilder()
                .add("type", line ? "line" : "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options)
                .build().toString();
    }
}
