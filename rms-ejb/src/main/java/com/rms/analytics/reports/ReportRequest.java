package com.rms.analytics.reports;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run's parameters, checked: the business days it covers ({@code businessDate}, or {@code from}
 * and {@code to}; yesterday in the tenant's time zone when none is given) and the outlets it names
 * (empty: every outlet the caller may report on). A parameter the job does not take, a bad date,
 * a range backwards or longer than {@value #MAX_DAYS} days is a 400 naming the field.
 */
public record ReportRequest(ReportJob job, LocalDate from, LocalDate to, Set<Long> outletIds) {

    public static final int MAX_DAYS = 366;

    public ReportRequest {
        outletIds = Set.copyOf(outletIds);
    }

    /** Parses what the client sent; {@code today} is the tenant's current date. */
    public static ReportRequest of(String jobName, Map<String, Object> parameters, LocalDate today) {
        ReportJob job = ReportJob.named(jobName).orElseThrow(() -> new ValidationException("unknown job",
                List.of(new FieldError("job", "no job named '" + jobName + "'; GET /reports/jobs lists them"))));
        Map<String, Object> given = parameters == null ? Map.of() : parameters;
        List<FieldError> errors = new ArrayList<>();
        given.keySet().stream().filter(name -> !job.takes(name))
                .forEach(name -> errors.add(new FieldError("parameters." + name, job.jobName() + " takes no such parameter")));
        LocalDate businessDate = date(given, "businessDate", errors);
        LocalDate from = date(given, "from", errors);
        LocalDate to = date(given, "to", errors);
        Set<Long> outlets = outletIds(given.get("outletIds"), errors);
        if (businessDate != null && (from != null || to != null)) {
            errors.add(new FieldError("parameters.businessDate", "give businessDate or from/to, not both"));
        }
        if (from == null && to != null) {
            errors.add(new FieldError("parameters.from", "from is needed with to"));
        }
        LocalDate first = businessDate != null ? businessDate : from != null ? from : today.minusDays(1);
        LocalDate last = businessDate != null ? businessDate : to != null ? to : first;
        if (last.isBefore(first)) {
            errors.add(new FieldError("parameters.to", "to is before from"));
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            errors.add(new FieldError("parameters.to", "at most " + MAX_DAYS + " days in one run"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("invalid report parameters", errors);
        }
        return new ReportRequest(job, first, last, outlets);
    }

    /** Today in a tenant's time zone. */
    public static LocalDate today(String timezone) {
        return LocalDate.now(ZoneId.of(timezone));
    }

    /** The parameters as a run shows them, with the defaults filled in. */
    public Map<String, Object> shown(List<Long> outlets) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (job.takes("from") || job.takes("businessDate")) {
            shown.put("from", from.toString());
            shown.put("to", to.toString());
        }
        shown.put("outletIds", outlets);
        return shown;
    }

    private static LocalDate date(Map<String, Object> given, String name, List<FieldError> errors) {
        Object value = given.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(new FieldError("parameters." + name, "must be a date like 2026-12-06"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("parameters." + name, "must be a date like 2026-12-06"));
            return null;
        }
    }

    private static Set<Long> outletIds(Object value, List<FieldError> errors) {
        if (value == null) {
            return Set.of();
        }
        Set<Long> ids = new TreeSet<>();
        if (value instanceof List<?> list) {
            for (Object id : list) {
                if (id instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
                    ids.add(n.longValue());
                } else {
                    errors.add(new FieldError("parameters.outletIds", "must be an array of outlet ids"));
                    return Set.of();
                }
            }
            return ids;
        }
        errors.add(new FieldError("parameters.outletIds", "must be an array of outlet ids"));
        return Set.of();
    }
}
