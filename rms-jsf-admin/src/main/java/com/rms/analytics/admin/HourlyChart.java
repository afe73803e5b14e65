package com.rms.analytics.admin;

import com.rms.analytics.application.DashboardView;
import com.rms.analytics.application.DashboardView.HourSales;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * The day's sales by hour as the Chart.js configuration PrimeFaces' {@code p:chart} takes: net per
 * hour as bars, orders per hour as a line on an axis of its own. Built with JSON-P, so item names and
 * numbers are always escaped; no animation, so a live refresh redraws at once.
 */
final class HourlyChart {

    private HourlyChart() {
    }

    static String of(DashboardView day) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder net = Json.createArrayBuilder();
        JsonArrayBuilder orders = Json.createArrayBuilder();
        for (HourSales hour : day.byHour()) {
            labels.add(String.format("%02d:00", hour.hour()));
            net.add(hour.net());
            orders.add(hour.orders());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "bar").add("label", "Net (" + day.currency() + ")")
                                        .add("data", net).add("backgroundColor", "#1976d2").add("yAxisID", "y"))
                                .add(Json.createObjectBuilder().add("type", "line").add("label", "Orders")
                                        .add("data", orders).add("borderColor", "#f59e0b").add("backgroundColor", "#f59e0b")
                                        .add("yAxisID", "orders"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true))
                                .add("orders", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right")
                                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
