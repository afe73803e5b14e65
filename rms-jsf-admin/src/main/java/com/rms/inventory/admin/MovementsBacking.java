package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.inventory.application.MovementView;
import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockItemView;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The ledger of one stock item at one outlet ({@code ?outlet=&item=}), newest first. */
@Named
@RequestScoped
public class MovementsBacking {

    /** The latest movements are what someone checking a level looks for; older ones are in the API. */
    static final int SHOWN = 200;

    @Inject
    StockControl stock;

    @Inject
    StockCatalog catalog;

    @Inject
    OutletDirectory outlets;

    private Long outlet;
    private Long item;
    private String outletName;
    private StockItemView stockItem;
    private List<MovementView> movements = List.of();

    public void load() {
        if (outlet == null || item == null) {
            Messages.error(null, "Choose a stock item on the stock page first.");
            return;
        }
        try {
            outletName = outlets.get(outlet).name();
            stockItem = catalog.get(item);
            movements = stock.movements(outlet, item, null, null, PageRequest.of(0, SHOWN)).items();
        } catch (NotFoundException missing) {
            stockItem = null;
            Messages.show(missing, Map.of());
        }
    }

    public String getOutletName() {
        return outletName;
    }

    public StockItemView getStockItem() {
        return stockItem;
    }

    public List<MovementView> getMovements() {
        return movements;
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }

    public Long getItem() {
        return item;
    }

    public void setItem(Long item) {
        this.item = item;
    }
}
