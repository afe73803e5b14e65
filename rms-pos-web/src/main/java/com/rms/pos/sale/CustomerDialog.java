package com.rms.pos.sale;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.CustomerView;
import com.rms.customer.application.Customers;
import com.rms.customer.application.FoundOrCreated;
import com.rms.platform.error.RmsException;
import com.rms.pos.application.Orders;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The customer dialog: a phone or an email finds the guest, or adds them with a name, and puts them
 * on the check; the customer chosen before the check exists goes with its creation.
 */
@Named
@ViewScoped
public class CustomerDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    Customers customers;

    @Inject
    Orders orders;

    @Inject
    SaleScreen screen;

    private String name;
    private String phone;
    private String email;

    /** Read from the services, never kept with the view: reloaded whenever missing. */
    private transient CustomerView customer;

    /** Opens the dialog with nothing typed yet. */
    public void start() {
        name = null;
        phone = null;
        email = null;
        screen.open("customerDialog", "customerForm");
    }

    /** Finds (or adds) the customer and puts them on the check, or on the check about to be created. */
    public void find() {
        FoundOrCreated found;
        try {
            found = customers.findOrCreate(new CustomerCommand(trim(name), trim(phone), trim(email)));
        } catch (RmsException refused) {
            screen.refuse("customerForm", CurrentCheck.explain(refused));
            return;
        }
        long id = found.customer().id();
        screen.close("customerDialog");
        if (check.getOrderId() != null && !check.change(() -> orders.customer(check.getOrderId(), check.version(), id))) {
            return;
        }
        check.setCustomerId(id);
        customer = found.customer();
        screen.tell(FacesMessage.SEVERITY_INFO, (found.created() ? "New customer " : "Customer ") + name(customer)
                + " is on the check.");
    }

    /** Takes the customer off the check (or off the check about to be created). */
    public void remove() {
        if (check.getOrderId() != null && !check.change(() -> orders.customer(check.getOrderId(), check.version(), null))) {
            return;
        }
        check.setCustomerId(null);
        customer = null;
        screen.tell(FacesMessage.SEVERITY_INFO, "No customer on the check.");
    }

    /** The customer on the check, or chosen for it before it exists. */
    public CustomerView getCustomer() {
        Long id = check.getCustomerId();
        if (id == null) {
            return null;
        }
        if (customer == null || customer.id() != id) {
            customer = customers.get(id);
        }
        return customer;
    }

    /** How the customer reads: their name, else their phone or email. */
    public String getLabel() {
        CustomerView current = getCustomer();
        return current == null ? null : name(current);
    }

    /** A customer may be chosen, changed or removed while the server allows it (a new check: always). */
    public boolean isChangeable() {
        return check.getOrder() == null || check.allows("customer");
    }

    private static String name(CustomerView c) {
        return c.name() != null ? c.name() : c.phone() != null ? c.phone() : c.email();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
