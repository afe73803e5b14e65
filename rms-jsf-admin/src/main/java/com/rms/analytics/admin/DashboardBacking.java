package com.rms.analytics.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.analytics.application.Dashboard;
import com.rms.analytics.application.DashboardView;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.CallerContext;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;

/**
 * The landing page of the back office: the business day so far of one outlet (the one named by
 * {@code ?outlet=}, else the switcher's, else the caller's only outlet), or of every outlet the
 * caller sees side by side when none is chosen (an owner's "whole chain": outlets keep their own
 * currencies and days, so nothing is added across them). The figures are the API's
 * ({@link Dashboard}); the page re-reads them when the socket says a sale changed them.
 */
@Named
@RequestScoped
public class DashboardBacking {

    /** An outlet's figures in the chain view. */
    public record OutletDay(OutletView outlet, DashboardView day) {
    }

    @Inject
    Dashboard dashboard;

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    private Long outlet;
    private DashboardView day;
    private OutletView current;
    private List<OutletDay> chain = List.of();

    /** Reads the figures (on opening the page, and on each live refresh). */
    public void load() {
        // the outlets whose figures the caller may read: a batch operator reads every outlet's without working at any
        List<OutletView> visible = outlets.reportableBy(CallerContext.current());
        Long wanted = outlet != null ? outlet : session.getCurrentOutletId();
        if (wanted == null && visible.size() == 1) {
            wanted = visible.get(0).id();
        }
        day = null;
        current = null;
        if (wanted == null) {
            chain = visible.stream().map(o -> new OutletDay(o, dashboard.today(o.id()))).toList();
            return;
        }
        try {
            long id = wanted;
            current = visible.stream().filter(o -> o.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("no outlet " + id));
            day = dashboard.today(id);
            outlet = wanted;
            session.setCurrentOutletId(wanted);
        } catch (NotFoundException e) {
            Messages.error(null, "There is no such outlet.");
        }
    }

    /** The bar chart of the day's net and orders by hour. */
    public String getHourlyChart() {
        return day == null ? null : HourlyChart.of(day);
    }

    /** How today's net so far compares with the same weekday last week up to this hour, in percent (null: nothing to compare). */
    public BigDecimal getNetChangePercent() {
        if (day == null || day.sameDayLastWeek().net().signum() == 0) {
            return null;
        }
        return day.net().subtract(day.sameDayLastWeek().net()).multiply(BigDecimal.valueOf(100))
                .divide(day.sameDayLastWeek().net().abs(), 0, java.math.RoundingMode.HALF_EVEN);
    }

    public DashboardView getDay() {
        return day;
    }

    public OutletView getCurrent() {
        return current;
    }

    public List<OutletDay> getChain() {
        return chain;
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }
}
