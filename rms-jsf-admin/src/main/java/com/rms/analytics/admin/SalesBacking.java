package com.rms.analytics.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.analytics.application.SalesFacts;
import com.rms.analytics.application.SalesReport;
import com.rms.analytics.application.SalesRow;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Sales analysis: the report of {@code GET /analytics/sales} ({@link SalesFacts}, which decides who
 * sees which outlet) over a range of business days, at one outlet or, for owners and batch
 * operators, at all of them, grouped by day, hour, item, category, outlet, staff or channel; as a
 * table with totals, a chart and a CSV download of every group.
 *
 * <p>The address names what is shown ({@code ?from&to&outlet&groupBy}, {@code outlet=all} for every
 * outlet), so a view can be bookmarked; the page keeps it in step when the filters change. Filters
 * the report refuses leave what is shown as it was and say why next to the field.
 */
@Named
@ViewScoped
public class SalesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ALL = "all";
    static final List<String> GROUPINGS = List.of("day", "hour", "item", "category", "outlet", "staff", "channel");
    private static final Map<String, String> FIELDS = Map.of("from", "sales:from", "to", "sales:to",
            "groupBy", "sales:groupBy", "outletId", "sales:outlet");
    private static final String OUTLET_FIELD = "sales:outlet";

    @Inject
    SalesFacts facts;

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    // the address as it came (read once, by load)
    private String fromParam;
    private String toParam;
    private String outletParam;
    private String groupByParam;

    // the filters as the form has them
    private LocalDate from;
    private LocalDate to;
    private String outlet;
    private String groupBy = "day";

    // what is shown: the filters the report last accepted, and the report (re-read when missing)
    private Applied applied;
    private transient List<SalesRow> rows;
    private transient SalesRow totals;
    private transient List<OutletView> visible;

    /** Filters the report accepted: business days, the outlet (null: all), the grouping. */
    private record Applied(LocalDate from, LocalDate to, Long outletId, String groupBy) implements Serializable {
    }

    /** Opening the page: the address's filters, else today at the switcher's outlet, by day. */
    public void load() {
        groupBy = blank(groupByParam) ? "day" : groupByParam;
        outlet = blank(outletParam) ? defaultOutlet() : outletParam;
        LocalDate today = today(outlet);
        String f = fromParam;
        String t = toParam;
        if (blank(f) && blank(t)) {
            f = today.toString();
            t = f;
        }
        from = parse(f);
        to = parse(t);
        run(f, t, outlet, groupBy);
    }

    /** The form's "Show" (and a change of grouping or outlet). */
    public void apply() {
        run(from == null ? null : from.toString(), to == null ? null : to.toString(), outlet, groupBy);
    }

    /** One of the quick ranges, as business days at the chosen outlet. */
    public void quick(String range) {
        QuickRange.Days days = QuickRange.valueOf(range).days(today(outlet));
        from = days.from();
        to = days.to();
        apply();
    }

    /**
     * Reads the report; if it accepts the filters they become what is shown and the address follows,
     * else the field errors are shown and nothing changes.
     */
    private boolean run(String f, String t, String outletChoice, String group) {
        if (ALL.equals(outletChoice) && !isCanChooseAll()) {
            Messages.error(OUTLET_FIELD, "Choose one of your outlets: all outlets together are for owners.");
            return false;
        }
        Long outletId;
        try {
            outletId = outletId(outletChoice);
        } catch (NotFoundException e) {
            Messages.error(OUTLET_FIELD, "There is no such outlet.");
            return false;
        }
        SalesReport report;
        List<SalesRow> all;
        try {
            report = facts.sales(f, t, outletId, group, PageRequest.of(0, PageRequest.MAX_SIZE));
            all = allRows(report);
        } catch (ValidationException e) {
            Messages.show(e, FIELDS);
            return false;
        } catch (NotFoundException e) {
            Messages.error(OUTLET_FIELD, "There is no such outlet.");
            return false;
        }
        applied = new Applied(report.from(), report.to(), outletId, report.groupBy());
        rows = all;
        totals = report.totals();
        from = report.from();
        to = report.to();
        groupBy = report.groupBy();
        outlet = outletId == null ? ALL : outletId.toString();
        if (outletId != null || session.isCanManageChain()) {
            // the switcher follows, as on the other pages (the owner's "whole chain" is no outlet)
            session.setCurrentOutletId(outletId);
        }
        PrimeFaces primeFaces = PrimeFaces.current();
        if (primeFaces.isAjaxRequest()) {
            primeFaces.executeScript("history.replaceState(null, '', '" + getAddress() + "')");
        }
        return true;
    }

    /** The report's groups are pages of at most {@link PageRequest#MAX_SIZE}: all of them, for the table, chart and CSV. */
    private List<SalesRow> allRows(SalesReport first) {
        List<SalesRow> all = new ArrayList<>(first.items());
        for (int page = 1; (long) page * first.size() < first.total(); page++) {
            all.addAll(facts.sales(first.from().toString(), first.to().toString(), first.outletId(), first.groupBy(),
                    PageRequest.of(page, first.size())).items());
        }
        return all;
    }

    /** {@code all}: every outlet (owners and batch operators); an id; blank: the default. */
    private Long outletId(String choice) {
        if (blank(choice)) {
            choice = defaultOutlet();
        }
        if (ALL.equals(choice)) {
            return null;
        }
        try {
            return Long.valueOf(choice);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no outlet " + choice);
        }
    }

    /** The switcher's outlet, else all outlets for those who may see them, else the first the caller works at. */
    private String defaultOutlet() {
        Long current = session.getCurrentOutletId();
        if (current != null) {
            return current.toString();
        }
        if (isCanChooseAll()) {
            return ALL;
        }
        return getOutlets().stream().findFirst().map(o -> Long.toString(o.id())).orElse(ALL);
    }

    /** Today as a business day: in the chosen outlet's time zone (all outlets: the first's; none: UTC). */
    private LocalDate today(String outletChoice) {
        Optional<OutletView> at = Optional.empty();
        try {
            if (!blank(outletChoice) && !ALL.equals(outletChoice)) {
                long id = Long.parseLong(outletChoice);
                at = getOutlets().stream().filter(o -> o.id() == id).findFirst();
            }
        } catch (NumberFormatException e) {
            // an outlet that does not exist: the report says so
        }
        if (at.isEmpty()) {
            at = getOutlets().stream().findFirst();
        }
        ZoneId zone = ZoneOffset.UTC;
        try {
            if (at.isPresent()) {
                zone = ZoneId.of(at.get().timezone());
            }
        } catch (DateTimeException e) {
            // as the facts do: an unknown zone counts as UTC
        }
        return LocalDate.now(zone);
    }

    // ---- what the page shows ------------------------------------------------------------------

    public boolean isShown() {
        return applied != null;
    }

    public List<SalesRow> getRows() {
        if (rows == null && applied != null) {
            reread();
        }
        return rows == null ? List.of() : rows;
    }

    public SalesRow getTotals() {
        if (totals == null && applied != null) {
            reread();
        }
        return totals;
    }

    /** After the view was restored from elsewhere: the report again for the filters shown. */
    private void reread() {
        SalesReport report = facts.sales(applied.from().toString(), applied.to().toString(), applied.outletId(),
                applied.groupBy(), PageRequest.of(0, PageRequest.MAX_SIZE));
        rows = allRows(report);
        totals = report.totals();
    }

    /** The group's name as the table, chart and CSV show it. */
    public String label(SalesRow row) {
        return SalesLabels.of(applied == null ? groupBy : applied.groupBy(), row);
    }

    public String getGroupHeading() {
        return applied == null ? "" : SalesLabels.heading(applied.groupBy());
    }

    /** Whether the group has an id besides its name (items, categories, outlets). */
    public boolean isKeyShown() {
        return applied != null && List.of("item", "category", "outlet").contains(applied.groupBy());
    }

    public String getChart() {
        return applied == null ? null
                : SalesChart.of(applied.groupBy(), getRows(), applied.from(), applied.to(), getCurrency());
    }

    public String getTitle() {
        if (applied == null) {
            return "Sales";
        }
        String where = applied.outletId() == null ? "All outlets"
                : getOutlets().stream().filter(o -> o.id() == applied.outletId()).map(OutletView::name).findFirst()
                        .orElse("Outlet " + applied.outletId());
        String days = applied.from().equals(applied.to()) ? applied.from().toString()
                : applied.from() + " – " + applied.to();
        return "Sales · " + where + " · " + days + " · by " + applied.groupBy();
    }

    /**
     * The currency of the amounts: the outlet's; of all outlets, theirs when they share one, else
     * null (the report adds amounts across currencies then, see {@link #getMixedCurrencies()}).
     */
    public String getCurrency() {
        if (applied == null) {
            return null;
        }
        if (applied.outletId() != null) {
            return outlets.find(applied.outletId()).map(OutletView::currency).orElse(null);
        }
        List<String> currencies = outlets.currencies();
        return currencies.size() == 1 ? currencies.get(0) : null;
    }

    public String getMixedCurrencies() {
        if (applied == null || applied.outletId() != null) {
            return null;
        }
        List<String> currencies = outlets.currencies();
        return currencies.size() > 1 ? String.join(", ", currencies.stream().sorted().toList()) : null;
    }

    /** The address of what is shown, for bookmarks. */
    public String getAddress() {
        if (applied == null) {
            return "";
        }
        return "sales.xhtml?from=" + applied.from() + "&to=" + applied.to() + "&outlet="
                + URLEncoder.encode(applied.outletId() == null ? ALL : applied.outletId().toString(), StandardCharsets.UTF_8)
                + "&groupBy=" + URLEncoder.encode(applied.groupBy(), StandardCharsets.UTF_8);
    }

    /** The CSV of what is shown: every group and the totals. */
    public StreamedContent getCsv() {
        byte[] csv = applied == null ? SalesCsv.of(groupBy, List.of(), null)
                : SalesCsv.of(applied.groupBy(), getRows(), getTotals());
        String name = applied == null ? "sales.csv" : SalesCsv.fileName(applied.groupBy(), applied.from(), applied.to());
        return DefaultStreamedContent.builder().name(name).contentType("text/csv; charset=UTF-8")
                .contentLength((long) csv.length).stream(() -> new ByteArrayInputStream(csv)).build();
    }

    // ---- the form's choices -------------------------------------------------------------------

    public List<OutletView> getOutlets() {
        if (visible == null) {
            visible = outlets.reportableBy(CallerContext.current());
        }
        return visible;
    }

    /** Owners and batch operators may see all outlets together (a manager chooses one of theirs). */
    public boolean isCanChooseAll() {
        return session.identity().map(i -> i.has(Role.OWNER) || i.has(Role.BATCH_OPERATOR)).orElse(false);
    }

    public List<String> getGroupings() {
        return GROUPINGS;
    }

    public String groupingLabel(String grouping) {
        return SalesLabels.heading(grouping);
    }

    public QuickRange[] getQuickRanges() {
        return QuickRange.values();
    }

    private static LocalDate parse(String date) {
        try {
            return blank(date) ? null : LocalDate.parse(date);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- properties -----------------------------------------------------------------------------

    public String getFromParam() {
        return applied == null ? fromParam : applied.from().toString();
    }

    public void setFromParam(String fromParam) {
        this.fromParam = fromParam;
    }

    public String getToParam() {
        return applied == null ? toParam : applied.to().toString();
    }

    public void setToParam(String toParam) {
        this.toParam = toParam;
    }

    public String getOutletParam() {
        return applied == null ? outletParam : applied.outletId() == null ? ALL : applied.outletId().toString();
    }

    public void setOutletParam(String outletParam) {
        this.outletParam = outletParam;
    }

    public String getGroupByParam() {
        return applied == null ? groupByParam : applied.groupBy();
    }

    public void setGroupByParam(String groupByParam) {
        this.groupByParam = groupByParam;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getOutlet() {
        return outlet;
    }

    public void setOutlet(String outlet) {
        this.outlet = outlet;
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }
}
