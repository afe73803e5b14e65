package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Map;

/** Creates a tax rate, or edits one ({@code ?id=}). */
@Named
@ViewScoped
public class TaxRateFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of(
            "name", "taxRateForm:name", "rate", "taxRateForm:rate", "inclusive", "taxRateForm:inclusive");

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    private String name;
    private BigDecimal rate;
    private boolean inclusive = true;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            TaxRateView view = catalog.taxRate(id);
            name = view.name();
            rate = view.rate();
            inclusive = view.inclusive();
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such tax rate.");
        }
    }

    public String save() {
        if (!session.isCanManageChain()) {
            Messages.show(new AuthorizationException("only the owner may create or change tax rates"), Map.of());
            return null;
        }
        TaxRateCommand command = new TaxRateCommand(name, rate, inclusive);
        try {
            TaxRateView saved = id == null ? catalog.createTaxRate(command) : catalog.updateTaxRate(id, command);
            return "/taxRates?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException taken) {
            Messages.error("taxRateForm:name", taken.getMessage());
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        return null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    public boolean isInclusive() {
        return inclusive;
    }

    public void setInclusive(boolean inclusive) {
        this.inclusive = inclusive;
    }
}
