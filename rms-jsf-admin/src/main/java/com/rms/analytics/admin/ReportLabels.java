package com.rms.analytics.admin;

import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the report pages show besides the runs themselves, read once per request: the outlets the
 * caller may report on (by name), times in the tenant's zone, a run's parameters in a few words,
 * and a status's colour.
 */
@Named
@RequestScoped
public class ReportLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    ReportRuns runs;

    @Inject
    TenantRegistry tenants;

    private List<OutletView> outlets;
    private Map<Long, String> names;
    private ZoneId zone;

    /** Every outlet the caller may report on, closed ones too. */
    public List<OutletView> getOutlets() {
        if (outlets == null) {
            outlets = runs.outlets();
        }
        return outlets;
    }

    /** The outlets a new run or schedule may name: the open ones. */
    public List<OutletView> getActiveOutlets() {
        return getOutlets().stream().filter(OutletView::active).toList();
    }

    public String outletName(long id) {
        if (names == null) {
            names = getOutlets().stream().collect(Collectors.toMap(OutletView::id, OutletView::name));
        }
        return names.getOrDefault(id, "outlet " + id);
    }

    /** A run's or schedule's parameters in a few words. */
    public String summary(JsonObject parameters) {
        return ReportParameters.summary(parameters, this::outletName);
    }

    public int percent(ReportRunView run) {
        return ReportParameters.percent(run);
    }

    /** An instant in the tenant's time zone, or a dash. */
    public String time(OffsetDateTime at) {
        return at == null ? "\u2013" : at.atZoneSameInstant(zone()).format(TIME);
    }

    /** An instant in a given time zone (a schedule's next run in its own zone). */
    public String timeIn(OffsetDateTime at, String timezone) {
        return at == null ? "\u2013" : at.atZoneSameInstant(ZoneId.of(timezone)).format(TIME);
    }

    public ZoneId zone() {
        if (zone == null) {
            zone = ZoneId.of(tenants.find(TenantContext.require().slug()).map(TenantRegistry.Entry::timezone).orElse("UTC"));
        }
        return zone;
    }

    public String getZone() {
        return zone().getId();
    }

    /** The tag colour of a run's or partition's status. */
    public String severity(String status) {
        return switch (status == null ? "" : status) {
            case "COMPLETED" -> "success";
            case "FAILED", "ABANDONED" -> "danger";
            case "STOPPED", "STOPPING" -> "warning";
            case "STARTING", "STARTED" -> "info";
            default -> "secondary";
        };
    }

    /** Whether a run (or partition) of this status may still change. */
    public static boolean running(String status) {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }
}
