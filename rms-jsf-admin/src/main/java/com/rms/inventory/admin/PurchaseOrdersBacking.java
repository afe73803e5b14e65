package com.rms.inventory.admin;

import com.rms.inventory.application.PurchaseOrderView;
import com.rms.inventory.application.PurchaseOrders;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The latest purchase orders the staff member may see, newest first. */
@Named
@RequestScoped
public class PurchaseOrdersBacking {

    @Inject
    PurchaseOrders orders;

    @Inject
    OutletDirectory outlets;

    private List<PurchaseOrderView> all;
    private List<OutletView> allOutlets;

    public List<PurchaseOrderView> getOrders() {
        if (all == null) {
            all = orders.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return all;
    }

    public String outletName(long id) {
        if (allOutlets == null) {
            allOutlets = outlets.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return allOutlets.stream().filter(o -> o.id() == id).map(OutletView::name).findFirst().orElse("#" + id);
    }
}
