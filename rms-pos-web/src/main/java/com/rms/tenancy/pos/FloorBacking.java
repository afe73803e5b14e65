package com.rms.tenancy.pos;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.pos.terminal.PosSession;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableCommand;
import com.rms.tenancy.application.TableView;
import com.rms.tenancy.domain.TableState;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The outlet's tables as tiles. Tapping a tile selects it; tapping a state sets it. The list is
 * read again after every change and on "Refresh", so the floor shows what other terminals did.
 */
@Named
@ViewScoped
public class FloorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OutletDirectory outlets;

    @Inject
    PosSession session;

    /** Read from the service, never stored with the view: reloaded whenever it is missing. */
    private transient List<TableView> tables;
    private Long selectedId;

    public void load() {
        tables = outlets.tables(session.getOutletId());
    }

    public void select(long tableId) {
        selectedId = tableId;
        load();
    }

    /** Sets the selected table's state, keeping its label, seats and area as they are now. */
    public void changeState(TableState state) {
        load();
        Optional<TableView> table = getSelected();
        if (table.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "Tap a table first.");
            return;
        }
        TableView t = table.get();
        try {
            outlets.updateTable(session.getOutletId(), t.id(), new TableCommand(t.label(), t.seats(), t.area(), state));
            message(FacesMessage.SEVERITY_INFO, t.label() + " is now " + label(state) + ".");
        } catch (NotFoundException | ConflictException | ValidationException refused) {
            message(FacesMessage.SEVERITY_ERROR, t.label() + ": " + refused.getMessage());
        }
        load();
    }

    public Optional<TableView> getSelected() {
        return selectedId == null ? Optional.empty() : getTables().stream().filter(t -> t.id() == selectedId).findFirst();
    }

    public TableView getSelectedTable() {
        return getSelected().orElse(null);
    }

    public List<TableView> getTables() {
        if (tables == null) {
            load();
        }
        return tables;
    }

    public TableState[] getStates() {
        return TableState.values();
    }

    /** How a state reads on the floor. */
    public String label(TableState state) {
        return switch (state) {
            case FREE -> "Free";
            case OCCUPIED -> "Occupied";
            case RESERVED -> "Reserved";
            case CLEANING -> "Cleaning";
        };
    }

    public String icon(TableState state) {
        return switch (state) {
            case FREE -> "pi pi-check-circle";
            case OCCUPIED -> "pi pi-users";
            case RESERVED -> "pi pi-bookmark";
            case CLEANING -> "pi pi-refresh";
        };
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
