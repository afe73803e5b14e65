package com.rms.inventory.admin;

import com.rms.inventory.application.SupplierView;
import com.rms.inventory.application.Suppliers;
import com.rms.platform.paging.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant's suppliers, for their list and the purchase order pages. */
@Named
@RequestScoped
public class SuppliersBacking {

    @Inject
    Suppliers suppliers;

    private List<SupplierView> all;
    private Long saved;

    public List<SupplierView> getSuppliers() {
        if (all == null) {
            all = suppliers.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return all;
    }

    /** The name of a supplier by id, for the purchase order list. */
    public String name(long id) {
        return getSuppliers().stream().filter(s -> s.id() == id).map(SupplierView::name).findFirst().orElse("#" + id);
    }

    public String getSavedName() {
        return saved == null ? null : name(saved);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }
}
