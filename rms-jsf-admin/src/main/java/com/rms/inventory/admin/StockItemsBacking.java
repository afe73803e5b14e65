package com.rms.inventory.admin;

import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockItemView;
import com.rms.platform.paging.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The tenant's stock items, for their list and for the pickers of the other inventory screens.
 * A chain stocks hundreds of items, not thousands: one page of the largest size holds them.
 */
@Named
@RequestScoped
public class StockItemsBacking {

    @Inject
    StockCatalog catalog;

    private List<StockItemView> all;
    private Long saved;

    public List<StockItemView> getItems() {
        if (all == null) {
            all = catalog.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return all;
    }

    /** How a stock item is named on the purchase order pages: SKU, name and unit. */
    public String label(long id) {
        return getItems().stream().filter(i -> i.id() == id).map(i -> i.sku() + " · " + i.name() + " (" + i.unit() + ")")
                .findFirst().orElse("#" + id);
    }

    /** The name of the stock item just saved ({@code ?saved=id}). */
    public String getSavedName() {
        return saved == null ? null
                : getItems().stream().filter(i -> i.id() == saved).map(StockItemView::name).findFirst().orElse(null);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }
}
