package com.rms.pos.terminal;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.ClientAddress;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.application.Authenticator;
import com.rms.staff.application.StaffIdentity;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The terminal's sign-in in three touches: the tenant, the outlet (a big button each), the PIN on
 * the keypad. The PIN is checked by {@link Authenticator#verifyPin}, which counts failures per
 * terminal address and outlet and locks the pad after repeated wrong PINs.
 */
@Named
@ViewScoped
public class PinSignInBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Authenticator authenticator;

    @Inject
    TenantRegistry tenants;

    @Inject
    OutletDirectory outlets;

    @Inject
    PosSession session;

    @Inject
    PosIdle idle;

    @Inject
    ClientAddress clientAddress;

    /** An outlet the terminal may sign in at; kept with the view, so serializable. */
    public record OutletChoice(long id, String name) implements Serializable {
    }

    private String tenant;
    private List<OutletChoice> tenantOutlets = List.of();
    private OutletChoice outlet;
    private String pin;

    /** Looks up the tenant's active outlets; the list is what a terminal being set up chooses from. */
    public void chooseTenant() {
        String slug = tenant == null ? "" : tenant.trim();
        outlet = null;
        tenantOutlets = List.of();
        if (slug.isEmpty()) {
            error("tenant", "Enter your restaurant's tenant.");
            return;
        }
        try {
            TenantRegistry.Entry entry = tenants.requireServing(slug);
            tenant = slug;
            tenantOutlets = TenantContext.callAs(entry.context(), () -> outlets.list(PageRequest.of(0, PageRequest.MAX_SIZE))
                    .items().stream().filter(OutletView::active).map(o -> new OutletChoice(o.id(), o.name())).toList());
            if (tenantOutlets.isEmpty()) {
                error("tenant", "This tenant has no active outlet.");
            }
        } catch (NotFoundException unknown) {
            error("tenant", "Unknown tenant.");
        } catch (RmsException notServing) {
            error("tenant", "This tenant cannot be used right now: " + notServing.getMessage());
        }
    }

    public void chooseOutlet(long outletId) {
        outlet = tenantOutlets.stream().filter(o -> o.id() == outletId).findFirst().orElse(null);
        pin = null;
    }

    /** Back to the outlet list, e.g. after tapping the wrong outlet. */
    public void changeOutlet() {
        outlet = null;
        pin = null;
    }

    public void signIn() throws IOException {
        if (outlet == null) {
            error(null, "Choose an outlet.");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String client = clientAddress.of(request);
        String entered = pin;
        pin = null;
        try {
            StaffIdentity staff = authenticator.verifyPin(tenant, outlet.id(), entered, client);
            // A new session id for the signed-in terminal: an id planted or seen before the PIN
            // (session fixation) must not become a signed-in session.
            request.changeSessionId();
            request.getSession().setMaxInactiveInterval((int) idle.timeout().toSeconds());
            session.signIn(staff, outlet.id(), outlet.name(), idle.now());
            external.redirect(external.getRequestContextPath() + (PosSession.takesOrders(staff) ? "/floor.xhtml" : "/kitchen.xhtml"));
        } catch (AuthenticationException refused) {
            error("pin", "PIN not accepted at " + outlet.name() + ".");
        } catch (RateLimitedException locked) {
            error("pin", "Too many wrong PINs at this terminal: try again in " + waitText(locked.retryAfterSeconds()) + ".");
        } catch (ServiceUnavailableException busy) {
            error("pin", "The server is busy: try again in a few seconds.");
        } catch (ValidationException malformed) {
            error("pin", "PIN not accepted at " + outlet.name() + ".");
        }
    }

    private static String waitText(long seconds) {
        return seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private static void error(String id, String text) {
        FacesContext.getCurrentInstance().addMessage(id == null ? null : "signIn:" + id,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public List<OutletChoice> getTenantOutlets() {
        return tenantOutlets;
    }

    public OutletChoice getOutlet() {
        return outlet;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }
}
