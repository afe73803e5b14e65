package com.rms.admin.faces;

import java.io.Serializable;

/**
 * What every create-or-edit form of the back office shares: the id of the record being edited
 * (none when creating, taken from the URL) and whether that record was found.
 */
public abstract class RecordForm implements Serializable {

    private static final long serialVersionUID = 1L;

    protected Long id;
    protected boolean found = true;

    public boolean isCreating() {
        return id == null;
    }

    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** A form field as a command wants it: trimmed, and null when left blank. */
    protected static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
