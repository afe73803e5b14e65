package com.rms.pos.domain;

/**
 * What a line of an order allows now, as the server answers it (the {@code actions} of a line, by
 * {@link #apiName}), beside what the order allows ({@link OrderAction}). An action listed may still
 * need a manager's approval when it is carried out (voiding a line sent to the kitchen).
 */
public enum LineAction {
    /** The line may be voided: it is sold, on an open order. */
    VOID("void");

    private final String apiName;

    LineAction(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the API's {@code actions} list of a line. */
    public String apiName() {
        return apiName;
    }
}
