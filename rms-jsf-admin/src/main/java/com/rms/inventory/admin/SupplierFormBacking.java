package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.SupplierCommand;
import com.rms.inventory.application.SupplierView;
import com.rms.inventory.application.Suppliers;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** Creates a supplier, or edits one ({@code ?id=}). */
@Named
@ViewScoped
public class SupplierFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of(
            "name", "supplierForm:name", "email", "supplierForm:email", "phone", "supplierForm:phone",
            "address", "supplierForm:address", "active", "supplierForm:active");

    @Inject
    Suppliers suppliers;

    @Inject
    AdminSession session;

    private String name;
    private String email;
    private String phone;
    private String address;
    private boolean active = true;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            SupplierView supplier = suppliers.get(id);
            name = supplier.name();
            email = supplier.email();
            phone = supplier.phone();
            address = supplier.address();
            active = supplier.active();
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such supplier.");
        }
    }

    public String save() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change suppliers"), Map.of());
            return null;
        }
        SupplierCommand command = new SupplierCommand(trimmed(name), trimmed(email), trimmed(phone), trimmed(address), active);
        try {
            SupplierView saved = id == null ? suppliers.create(command) : suppliers.update(id, command);
            return "/suppliers?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException taken) {
            Messages.error("supplierForm:name", taken.getMessage());
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
