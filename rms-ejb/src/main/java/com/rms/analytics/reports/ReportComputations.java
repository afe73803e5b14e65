package com.rms.analytics.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The computation behind each report job, or none where the job cannot produce a result yet. */
@ApplicationScoped
public class ReportComputations {

    @Inject
    DailySales dailySales;

    @Inject
    InventoryValuation inventoryValuation;

    @Inject
    StockVariance stockVariance;

    @Inject
    MenuEngineering menuEngineering;

    public Optional<ReportComputation> of(ReportJob job) {
        return Optional.ofNullable(switch (job) {
            case DAILY_SALES -> dailySales;
            case INVENTORY_VALUATION -> inventoryValuation;
            case STOCK_VARIANCE -> stockVariance;
            case MENU_ENGINEERING -> menuEngineering;
            case LABOUR, LOYALTY_EXPIRY -> null;
        });
    }

    /** The computation of a job the batch runtime runs (its job XML names only computed jobs). */
    public ReportComputation require(String jobName) {
        ReportJob job = ReportJob.named(jobName).orElseThrow(() -> new IllegalStateException("no report job " + jobName));
        return of(job).orElseThrow(() -> new IllegalStateException(job.unavailable().orElse(jobName + " has no computation")));
    }
}
