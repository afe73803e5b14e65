package com.rms.tenancy.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TableView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tables of one outlet: the one named by {@code ?outlet=}, else the one chosen in the outlet
 * switcher, else the first the staff member may see. Viewing an outlet makes it the current one.
 */
@Named
@ViewScoped
public class TablesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    private Long outlet;
    private Long saved;
    /** Read from the services, never stored with the view: reloaded whenever they are missing. */
    private transient OutletView current;
    private transient List<TableView> tables = List.of();

    public void load() {
        Long wanted = outlet != null ? outlet : session.getCurrentOutletId();
        try {
            current = wanted != null ? outlets.get(wanted)
                    : outlets.list(PageRequest.of(0, 1)).items().stream().findFirst().orElse(null);
        } catch (NotFoundException missing) {
            Messages.error(null, "There is no such outlet.");
            current = null;
        }
        if (current == null) {
            return;
        }
        outlet = current.id();
        session.setCurrentOutletId(current.id());
        tables = outlets.tables(current.id());
    }

    /** The label of the table just saved ({@code ?saved=id}) at this outlet, if any. */
    public String getSavedLabel() {
        return saved == null ? null
                : getTables().stream().filter(t -> t.id() == saved).map(TableView::label).findFirst().orElse(null);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }

    public OutletView getCurrent() {
        if (current == null && outlet != null) {
            load();
        }
        return current;
    }

    public List<TableView> getTables() {
        if (tables == null) {
            load();
        }
        return tables == null ? List.of() : tables;
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }
}
