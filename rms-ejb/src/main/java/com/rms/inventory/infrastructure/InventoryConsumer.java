package com.rms.inventory.infrastructure;

import com.rms.inventory.application.SaleStock;
import com.rms.platform.messaging.EventConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Applies the sales of RMS.Inventory to the stock ledger (activation spec {@code rms/rms-ejb/InventoryConsumer}). */
@MessageDriven(name = "InventoryConsumer", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/RMS.Inventory")})
public class InventoryConsumer implements MessageListener {

    @Inject
    EventConsumers consumers;

    @Inject
    SaleStock stock;

    @Override
    public void onMessage(Message message) {
        consumers.consume(SaleStock.CONSUMER, message, stock::apply);
    }
}
