package com.rms.customer.infrastructure;

import com.rms.customer.application.Loyalty;
import com.rms.platform.messaging.EventConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Books the loyalty points of RMS.Loyalty (activation spec {@code rms/rms-ejb/LoyaltyConsumer}). */
@MessageDriven(name = "LoyaltyConsumer", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/RMS.Loyalty")})
public class LoyaltyConsumer implements MessageListener {

    @Inject
    EventConsumers consumers;

    @Inject
    Loyalty loyalty;

    @Override
    public void onMessage(Message message) {
        consumers.consume(Loyalty.CONSUMER, message, loyalty::apply);
    }
}
