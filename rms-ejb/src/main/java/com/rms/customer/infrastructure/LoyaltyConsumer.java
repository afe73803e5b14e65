package com.rms.customer.infrastructure;

import com.rms.customer.application.Loyalty;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventHandler;
import com.rms.platform.messaging.SaleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Books the loyalty points of RMS.Loyalty (received by {@code EventReceivers}). */
@ApplicationScoped
public class LoyaltyConsumer implements EventHandler {

    @Inject
    Loyalty loyalty;

    @Override
    public EventConsumer consumer() {
        return EventConsumer.LOYALTY;
    }

    @Override
    public void apply(SaleEvent event) {
        loyalty.apply(event);
    }
}
