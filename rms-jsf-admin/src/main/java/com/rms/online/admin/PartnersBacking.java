package com.rms.online.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.Pages;
import com.rms.online.application.PartnerCommand;
import com.rms.online.application.PartnerView;
import com.rms.online.application.Partners;
import com.rms.platform.error.RmsException;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The owner's partners ({@code /partners}, the same {@link Partners} service as {@code /api/v1/partners}):
 * listed with their key id, outlets and webhook URL, created in a dialog, rotated, revoked after a
 * confirmation. {@link Partners} checks the caller is the owner and the fields; its field errors are
 * shown at the dialog's inputs.
 *
 * <p>Request-scoped on purpose: a secret issued by create or rotate lives in {@link #getIssued()} for
 * the one request whose answer shows it in the secret dialog, and in no view state or session; the
 * dialog's <em>Done</em> re-renders it empty. It is never logged ({@link PartnerView#toString()} masks it).
 */
@Named
@RequestScoped
public class PartnersBacking {

    static final String FORM = "partnerForm";

    @Inject
    Partners partners;

    @Inject
    OutletDirectory outletDirectory;

    private String name;
    private String webhookUrl;
    private List<Long> outletIds = new ArrayList<>();

    /** The partner whose secret this request's answer shows, once: null on every other request. */
    private PartnerView issued;

    private List<PartnerView> list;
    private Map<Long, OutletView> outlets;

    /** Every partner of the tenant, revoked ones too, by name. */
    public List<PartnerView> getPartners() {
        if (list == null) {
            list = Pages.all(partners::list);
        }
        return list;
    }

    /** The outlets a new partner may be given: the tenant's open ones. */
    public List<OutletView> getActiveOutlets() {
        return outlets().values().stream().filter(OutletView::active).toList();
    }

    /** A partner's outlets by name. */
    public String outletNames(PartnerView partner) {
        return PartnerLabels.outlets(partner.outletIds(), outlets());
    }

    private Map<Long, OutletView> outlets() {
        if (outlets == null) {
            // a tenant has tens of outlets, not thousands: one page of the largest size holds them all
            outlets = outletDirectory.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                    .collect(Collectors.toMap(OutletView::id, Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
        }
        return outlets;
    }

    /** Creates the dialog's partner; its secret is shown once. The dialog stays open with the refusal otherwise. */
    public void create() {
        try {
            issued = partners.create(new PartnerCommand(name, webhookUrl, new LinkedHashSet<>(outletIds)));
            Messages.info("Partner " + issued.name() + " created with key " + issued.keyId() + ".");
            name = null;
            webhookUrl = null;
            outletIds = new ArrayList<>();
        } catch (RmsException refused) {
            Messages.show(refused, field -> PartnerLabels.clientId(FORM, field));
        }
        list = null;
    }

    /** Issues a new secret for partner {@code id}, shown once; the previous one keeps working for its grace. */
    public void rotate(long id) {
        try {
            issued = partners.rotate(id);
            Messages.info("Partner " + issued.name() + " has a new secret; the previous one keeps working for its grace "
                    + "period (10 minutes unless RMS_PARTNERS_ROTATION_GRACE_SECONDS says otherwise).");
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
        }
        list = null;
    }

    /** Revokes partner {@code id}: every secret of its key stops working at once. */
    public void revoke(long id) {
        try {
            partners.revoke(id);
            Messages.info("Partner " + partners.get(id).name() + " revoked: its key no longer works.");
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
        }
        list = null;
    }

    /** The partner whose secret was just issued (create or rotate), with it; null otherwise. */
    public PartnerView getIssued() {
        return issued;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public List<Long> getOutletIds() {
        return outletIds;
    }

    public void setOutletIds(List<Long> outletIds) {
        this.outletIds = outletIds == null ? new ArrayList<>() : outletIds;
    }
}
