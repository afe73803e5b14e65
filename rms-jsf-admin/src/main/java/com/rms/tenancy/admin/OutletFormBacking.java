package com.rms.tenancy.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** Creates an outlet, or edits one ({@code ?id=}); the services validate, the form shows where. */
@Named
@ViewScoped
public class OutletFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    /** Service field names to the ids of the inputs in {@code outlet.xhtml}. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "outletForm:name", "address", "outletForm:address", "taxId", "outletForm:taxId",
            "timezone", "outletForm:timezone",
            "currency", "outletForm:currency", "active", "outletForm:active");

    @Inject
    OutletDirectory outlets;

    @Inject
    TenantRegistry tenants;

    @Inject
    AdminSession session;

    private String name;
    private String address;
    private String taxId;
    private String timezone;
    private String currency;
    private boolean active = true;

    /** Loads the outlet to edit, or proposes the tenant's currency and time zone for a new one. */
    public void load() {
        if (id == null) {
            TenantRegistry.Entry tenant = tenants.requireServing(TenantContext.require().slug());
            timezone = tenant.timezone();
            currency = tenant.currency();
            return;
        }
        try {
            OutletView outlet = outlets.get(id);
            name = outlet.name();
            address = outlet.address();
            taxId = outlet.taxId();
            timezone = outlet.timezone();
            currency = outlet.currency();
            active = outlet.active();
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such outlet.");
        }
    }

    public String save() {
        if (!session.isCanManageChain()) {
            Messages.show(new AuthorizationException("only the owner may open or change outlets"), Map.of());
            return null;
        }
        OutletCommand command = new OutletCommand(name, address, taxId, trimmed(timezone), trimmed(currency), active);
        try {
            OutletView saved = id == null ? outlets.create(command) : outlets.update(id, command);
            // the list page names what was saved (a Flash message did not reliably survive the redirect)
            return "/outlets?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException taken) {
            Messages.error("outletForm:name", taken.getMessage());
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
