package com.rms.analytics.infrastructure;

import com.rms.analytics.application.SalesFacts;
import com.rms.analytics.reports.ReportRunStore;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventHandler;
import com.rms.platform.messaging.OrderRefunded;
import com.rms.platform.messaging.OrderReopened;
import com.rms.platform.messaging.SaleEvent;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Records the sales of RMS.Analytics as sales facts (received by {@code EventReceivers}); a refund or
 * a re-opening also marks the daily-sales reports of the day it lands on stale, in the same transaction.
 */
@ApplicationScoped
public class AnalyticsConsumer implements EventHandler {

    @Inject
    SalesFacts facts;

    @Inject
    ReportRunStore reports;

    @Inject
    OutletDirectory outlets;

    @Override
    public EventConsumer consumer() {
        return EventConsumer.ANALYTICS;
    }

    @Override
    public void apply(SaleEvent event) {
        facts.apply(event);
        if (event instanceof OrderRefunded refund) {
            changed(refund.outletId(), refund.refundedAt());
        } else if (event instanceof OrderReopened reopening) {
            changed(reopening.outletId(), reopening.reopenedAt());
        }
    }

    /** The facts of the outlet's business day at {@code at} changed: reports over that day are stale. */
    private void changed(long outletId, OffsetDateTime at) {
        OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
        reports.markStale(outletId, when.atZoneSameInstant(ZoneId.of(outlets.get(outletId).timezone())).toLocalDate());
    }
}
