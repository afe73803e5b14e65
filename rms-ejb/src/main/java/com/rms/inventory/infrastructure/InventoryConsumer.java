package com.rms.inventory.infrastructure;

import com.rms.inventory.application.SaleStock;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventHandler;
import com.rms.platform.messaging.SaleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Applies the sales of RMS.Inventory to the stock ledger (received by {@code EventReceivers}). */
@ApplicationScoped
public class InventoryConsumer implements EventHandler {

    @Inject
    SaleStock stock;

    @Override
    public EventConsumer consumer() {
        return EventConsumer.INVENTORY;
    }

    @Override
    public void apply(SaleEvent event) {
        stock.apply(event);
    }

    @Override
    public void applyAll(List<SaleEvent> events) {
        stock.applyAll(events);
    }
}
