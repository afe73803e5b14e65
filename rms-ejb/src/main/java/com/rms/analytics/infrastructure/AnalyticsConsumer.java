package com.rms.analytics.infrastructure;

import com.rms.analytics.application.SalesFacts;
import com.rms.platform.messaging.EventConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Records the sales of RMS.Analytics as sales facts (activation spec {@code rms/rms-ejb/AnalyticsConsumer}). */
@MessageDriven(name = "AnalyticsConsumer", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/RMS.Analytics")})
public class AnalyticsConsumer implements MessageListener {

    @Inject
    EventConsumers consumers;

    @Inject
    SalesFacts facts;

    @Override
    public void onMessage(Message message) {
        consumers.consume(SalesFacts.CONSUMER, message, facts::apply);
    }
}
