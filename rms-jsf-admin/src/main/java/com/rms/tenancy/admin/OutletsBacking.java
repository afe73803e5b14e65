package com.rms.tenancy.admin;

import com.rms.admin.security.AdminSession;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The outlets the signed-in staff member may see, for the outlet list and the outlet switcher.
 * A tenant has tens of outlets, not thousands: one page of the largest size holds them all.
 */
@Named
@RequestScoped
public class OutletsBacking {

    /** The pages that show one outlet and follow the switcher. */
    private static final Set<String> PER_OUTLET_PAGES = Set.of("/dashboard.xhtml", "/tables.xhtml", "/stock.xhtml",
            "/outletMenu.xhtml", "/sales.xhtml");

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    @Inject
    FacesContext faces;

    private List<OutletView> all;
    private Long saved;

    /**
     * The outlet switcher changed {@link AdminSession#getCurrentOutletId()}: a page about one outlet
     * shows the new one (the dashboard shows every outlet when none is chosen, the owner's "whole
     * chain"), any other page gives way to that outlet's floor.
     */
    public void switched() throws IOException {
        ExternalContext external = faces.getExternalContext();
        Long outlet = session.getCurrentOutletId();
        String view = faces.getViewRoot().getViewId();
        String page = PER_OUTLET_PAGES.contains(view) ? view : "/tables.xhtml";
        external.redirect(external.getRequestContextPath() + page + (outlet == null ? "" : "?outlet=" + outlet));
    }

    /** The name of the outlet just saved ({@code ?saved=id}), if it is one this caller sees. */
    public String getSavedName() {
        return saved == null ? null
                : getOutlets().stream().filter(o -> o.id() == saved).map(OutletView::name).findFirst().orElse(null);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }

    public List<OutletView> getOutlets() {
        if (all == null) {
            all = outlets.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return all;
    }
}
