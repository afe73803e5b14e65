package com.rms.menu.admin;

import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuViews.TaxRateView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant's tax rates, for their list and the item form's choice. */
@Named
@RequestScoped
public class TaxRatesBacking {

    @Inject
    MenuCatalog catalog;

    private List<TaxRateView> all;
    private Long saved;

    public List<TaxRateView> getTaxRates() {
        if (all == null) {
            all = catalog.taxRates();
        }
        return all;
    }

    /** The name of the tax rate just saved ({@code ?saved=id}). */
    public String getSavedName() {
        return saved == null ? null
                : getTaxRates().stream().filter(t -> t.id() == saved).map(TaxRateView::name).findFirst().orElse(null);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }
}
