package com.rms.platform.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.messaging.ExceptionDestinations;
import com.rms.platform.messaging.ExceptionMessage;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The chain's side effects that could not be applied (the owner's): its messages in the exception
 * destinations with why they failed, and their re-drive, one or all, once the cause is fixed. The
 * same service and tenant filter as {@code /api/v1/exception-messages}.
 */
@Named
@RequestScoped
public class ExceptionMessagesBacking {

    @Inject
    ExceptionDestinations destinations;

    @Inject
    AdminSession session;

    private List<ExceptionMessage> messages;
    private long total;

    public List<ExceptionMessage> getMessages() {
        if (messages == null) {
            var page = destinations.list(tenant(), null, PageRequest.of(0, PageRequest.MAX_SIZE));
            messages = page.items();
            total = page.total();
        }
        return messages;
    }

    /** How many there are (the table shows at most a page of them). */
    public long getTotal() {
        getMessages();
        return total;
    }

    public void redrive(String id) {
        if (!mayRedrive()) {
            return;
        }
        try {
            ExceptionMessage moved = destinations.redrive(id, tenant());
            info("Re-driven: " + moved.eventType() + " " + moved.eventId() + " is back on " + moved.queue() + ".");
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        messages = null;
    }

    public void redriveAll() {
        if (!mayRedrive()) {
            return;
        }
        int moved = destinations.redriveAll(tenant(), null);
        info(moved == 0 ? "There was nothing to re-drive." : moved + " message(s) re-driven to their queues.");
        messages = null;
    }

    private boolean mayRedrive() {
        if (!session.isCanManageChain()) {
            Messages.show(new AuthorizationException("only the owner may re-drive messages"), Map.of());
            return false;
        }
        return true;
    }

    private static String tenant() {
        return TenantContext.require().slug();
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
