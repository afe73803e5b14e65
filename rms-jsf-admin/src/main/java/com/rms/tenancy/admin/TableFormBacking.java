package com.rms.tenancy.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableCommand;
import com.rms.tenancy.application.TableView;
import com.rms.tenancy.domain.TableState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/** Adds a table to an outlet ({@code ?outlet=}), or edits one ({@code &id=}). */
@Named
@ViewScoped
public class TableFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of(
            "label", "tableForm:label", "seats", "tableForm:seats", "area", "tableForm:area", "state", "tableForm:state");

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    private Long outlet;
    private Long id;
    private String outletName;
    private String label;
    private Integer seats = 4;
    private String area;
    private TableState state = TableState.FREE;

    public void load() {
        if (outlet == null) {
            Messages.error(null, "Choose an outlet first.");
            return;
        }
        try {
            outletName = outlets.get(outlet).name();
            if (id != null) {
                TableView table = outlets.tables(outlet).stream().filter(t -> t.id() == id).findFirst()
                        .orElseThrow(() -> new NotFoundException("no table " + id + " at this outlet"));
                label = table.label();
                seats = table.seats();
                area = table.area();
                state = table.state();
            }
        } catch (NotFoundException missing) {
            outletName = null;
            Messages.show(missing, Map.of());
        }
    }

    public String save() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change tables"), Map.of());
            return null;
        }
        TableCommand command = new TableCommand(label, seats, area == null || area.isBlank() ? null : area.trim(), state);
        try {
            TableView saved = id == null ? outlets.createTable(outlet, command) : outlets.updateTable(outlet, id, command);
            return "/tables?faces-redirect=true&outlet=" + outlet + "&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException taken) {
            Messages.error("tableForm:label", taken.getMessage());
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        return null;
    }

    public TableState[] getStates() {
        return TableState.values();
    }

    public boolean isCreating() {
        return id == null;
    }

    public String getOutletName() {
        return outletName;
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public TableState getState() {
        return state;
    }

    public void setState(TableState state) {
        this.state = state;
    }
}
