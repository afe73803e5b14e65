package com.rms.analytics.admin;

import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns.JobView;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The report forms' side of a run's parameters: what the form sends ({@code ReportRuns.start} checks
 * it and fills in the defaults), how a run's parameters read in a list, and where a service's field
 * error goes on the form. Nothing here decides what is valid.
 */
final class ReportParameters {

    /** More outlets than this read as "N outlets" in a list. */
    static final int NAMED_OUTLETS = 3;

    private ReportParameters() {
    }

    /** Whether {@code job} takes the parameter {@code name}. */
    static boolean takes(JobView job, String name) {
        return job != null && job.parameters().stream().anyMatch(p -> p.name().equals(name));
    }

    /**
     * The parameters of a run as the form has them: only those the job takes and the user gave (a
     * blank date or no outlet chosen is the job's default), dates as {@code 2026-12-06}.
     */
    static Map<String, Object> of(JobView job, LocalDate businessDate, LocalDate from, LocalDate to, List<Long> outletIds) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        put(parameters, job, "businessDate", businessDate);
        put(parameters, job, "from", from);
        put(parameters, job, "to", to);
        if (takes(job, "outletIds") && outletIds != null && !outletIds.isEmpty()) {
            parameters.put("outletIds", List.copyOf(outletIds));
        }
        return parameters;
    }

    private static void put(Map<String, Object> parameters, JobView job, String name, LocalDate date) {
        if (date != null && takes(job, name)) {
            parameters.put(name, date.toString());
        }
    }

    /** A schedule's parameters: the outlets chosen, or none for every outlet. */
    static Map<String, Object> outlets(List<Long> outletIds) {
        return outletIds == null || outletIds.isEmpty() ? Map.of() : Map.of("outletIds", List.copyOf(outletIds));
    }

    /** The outlet ids of a run's or schedule's parameters ({@code {"outletIds": [1, 2]}}), none when absent. */
    static List<Long> outletIds(JsonObject parameters) {
        if (parameters == null || !(parameters.get("outletIds") instanceof JsonArray ids)) {
            return List.of();
        }
        List<Long> outlets = new ArrayList<>();
        for (JsonValue id : ids) {
            if (id instanceof JsonNumber n) {
                outlets.add(n.longValue());
            }
        }
        return outlets;
    }

    /**
     * A run's or schedule's parameters in a few words: its business days ({@code 2026-12-06}, or
     * {@code 2026-12-01 – 2026-12-06}) and its outlets by name ({@code every outlet} when none are named).
     */
    static String summary(JsonObject parameters, LongFunction<String> outletName) {
        List<String> parts = new ArrayList<>();
        String from = text(parameters, "from");
        String to = text(parameters, "to");
        if (from != null) {
            parts.add(to == null || to.equals(from) ? from : from + " \u2013 " + to);
        }
        List<Long> outlets = outletIds(parameters);
        if (outlets.isEmpty()) {
            parts.add("every outlet");
        } else if (outlets.size() > NAMED_OUTLETS) {
            parts.add(outlets.size() + " outlets");
        } else {
            parts.add(String.join(", ", outlets.stream().map(outletName::apply).toList()));
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String text(JsonObject parameters, String name) {
        return parameters != null && parameters.get(name) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    /** How far a run is, in percent of its outlet partitions done (a completed run is done, whatever it planned). */
    static int percent(ReportRunView run) {
        if ("COMPLETED".equals(run.status())) {
            return 100;
        }
        ReportRunView.Progress progress = run.progress();
        return progress == null || progress.partitions() == 0 ? 0
                : (int) Math.min(100, 100L * progress.completedPartitions() / progress.partitions());
    }

    /**
     * The form's component for a service's field ({@code parameters.from}, {@code cron}): the
     * field's last part under {@code form}, when the form has an input of that name.
     */
    static String clientId(String form, String field, List<String> inputs) {
        String name = field.startsWith("parameters.") ? field.substring("parameters.".length()) : field;
        return inputs.contains(name) ? form + ":" + name : null;
    }
}
