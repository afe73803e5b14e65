package com.rms.analytics.infrastructure;

import com.rms.analytics.application.SalesFacts;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventHandler;
import com.rms.platform.messaging.SaleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records the sales of RMS.Analytics as sales facts (received by {@code EventReceivers}). */
@ApplicationScoped
public class AnalyticsConsumer implements EventHandler {

    @Inject
    SalesFacts facts;

    @Override
    public EventConsumer consumer() {
        return EventConsumer.ANALYTICS;
    }

    @Override
    public void apply(SaleEvent event) {
        facts.apply(event);
    }
}
