package com.rms.pos.sale;

import com.rms.pos.terminal.PosSession;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The table dialog: where the check about to be created is served (a table, or takeaway), and how its table reads. */
@Named
@ViewScoped
public class TableDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCheck check;

    @Inject
    OutletDirectory outlets;

    @Inject
    PosSession session;

    /** Read from the services, never kept with the view: reloaded whenever missing. */
    private transient List<TableView> tables;

    public List<TableView> getTables() {
        if (tables == null) {
            tables = outlets.tables(session.getOutletId());
        }
        return tables;
    }

    /** The check's table as it reads, e.g. "T5"; none for takeaway. */
    public String getLabel() {
        Long table = check.getTableId();
        if (table == null) {
            return null;
        }
        return getTables().stream().filter(t -> t.id() == table).map(TableView::label).findFirst().orElse("#" + table);
    }

    /** The table chosen, none for takeaway. */
    public Long getChosen() {
        return check.getTableId();
    }

    /** A table may be chosen until the check exists; then it belongs to the check. */
    public boolean isChangeable() {
        return check.getOrderId() == null;
    }

    public void choose(Long table) {
        if (isChangeable()) {
            check.setTableId(table);
        }
    }
}
