package com.rms.analytics.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The report jobs of {@code GET /reports/jobs}: each is a Jakarta Batch job of the same name in
 * {@code META-INF/batch-jobs}, partitioned per outlet. A job whose computation is not built yet says
 * so in {@link #unavailable}: a run of it ends FAILED with that reason, never with a made-up result.
 */
public enum ReportJob {

    DAILY_SALES("daily-sales", "Sales of each outlet's business day (its own time zone): totals, and by category, item, "
            + "hour, staff, channel, tax rate and tender; refunds and re-openings as negative rows of their day", null,
            Parameter.BUSINESS_DATE, Parameter.FROM, Parameter.TO, Parameter.OUTLET_IDS),
    INVENTORY_VALUATION("inventory-valuation", "Stock on hand times average cost, per outlet and stock item", null,
            Parameter.OUTLET_IDS),
    STOCK_VARIANCE("stock-variance", "Per outlet and stock item from the stock ledger: opening, receipts, transfers, "
            + "theoretical use (the recipes of what was sold, as deducted), waste, closing, actual use and the variance "
            + "(actual - theoretical) in quantity, value at average cost and percent of theoretical", null,
            Parameter.FROM, Parameter.TO, Parameter.OUTLET_IDS),
    MENU_ENGINEERING("menu-engineering", "Each item's popularity (70 % rule over the items sold or on the outlet's "
            + "menu) and contribution margin (price net of tax - recipe cost at average cost, modifiers excluded) per "
            + "outlet and period: star, plowhorse, puzzle or dog", null,
            Parameter.FROM, Parameter.TO, Parameter.OUTLET_IDS),
    LABOUR("labour", "Hours, labour cost and labour as a share of net sales per outlet and day",
            "labour needs time clock data, which arrives with the staff-and-customers issue; no result is made up",
            Parameter.BUSINESS_DATE, Parameter.FROM, Parameter.TO, Parameter.OUTLET_IDS),
    LOYALTY_EXPIRY("loyalty-expiry", "Expires loyalty points older than RMS_LOYALTY_EXPIRY_MONTHS, oldest first",
            "loyalty-expiry needs the points ledger, which arrives with the staff-and-customers issue; nothing expired",
            Parameter.BUSINESS_DATE);

    /** A job parameter as {@code GET /reports/jobs} describes it. */
    public record Parameter(String name, String type, boolean required, String defaultValue) {
        public static final Parameter BUSINESS_DATE = new Parameter("businessDate", "date", false,
                "yesterday in the tenant's time zone (when neither from nor to is given)");
        public static final Parameter FROM = new Parameter("from", "date", false, "businessDate");
        public static final Parameter TO = new Parameter("to", "date", false, "from");
        public static final Parameter OUTLET_IDS = new Parameter("outletIds", "array of outlet ids", false,
                "every active outlet the caller may report on");
    }

    private final String jobName;
    private final String description;
    private final String unavailable;
    private final List<Parameter> parameters;

    ReportJob(String jobName, String description, String unavailable, Parameter... parameters) {
        this.jobName = jobName;
        this.description = description;
        this.unavailable = unavailable;
        this.parameters = List.of(parameters);
    }

    public String jobName() {
        return jobName;
    }

    public String description() {
        return description;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Why a run of this job cannot produce a result yet, or empty when it can. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    public boolean takes(String parameter) {
        return parameters.stream().anyMatch(p -> p.name().equals(parameter));
    }

    public static Optional<ReportJob> named(String name) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst();
    }
}
