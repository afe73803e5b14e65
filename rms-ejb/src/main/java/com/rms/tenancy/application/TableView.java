package com.rms.tenancy.application;

import com.rms.tenancy.domain.DiningTable;
import com.rms.tenancy.domain.TableState;

/** A table as the API and the floor plan show it. */
public record TableView(long id, long outletId, String label, int seats, String area, TableState state, long version) {

    static TableView of(DiningTable t) {
        return new TableView(t.getId(), t.getOutletId(), t.getLabel(), t.getSeats(), t.getArea(), t.getState(),
                t.getVersion());
    }
}
