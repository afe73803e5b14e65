package com.rms.pos.domain;

/**
 * What an order allows now, as the server answers it (the {@code actions} of an order, by
 * {@link #apiName}): a screen offers exactly these instead of deriving the rules from the status.
 * An action listed may still need a manager's approval when it is carried out.
 */
public enum OrderAction {
    /** Lines may be added. */
    ADD_LINES("addLines"),
    /** Unsent lines may be fired to the kitchen. */
    SEND("send"),
    /** A tender may be taken: something is left to pay. */
    PAY("pay"),
    /** The discount may be set, changed or removed. */
    DISCOUNT("discount"),
    /** The customer may be named or removed. */
    CUSTOMER("customer"),
    /** An active line may be voided. */
    VOID_LINE("voidLine"),
    /** The whole order may be voided: nothing is paid on it. */
    VOID("void"),
    /** It may be closed without a payment: its balance is paid (a re-opened order, or one discounted to nothing). */
    COMPLETE("complete"),
    /** Money may be given back. */
    REFUND("refund"),
    /** A paid order may be re-opened for a correction. */
    REOPEN("reopen");

    private final String apiName;

    OrderAction(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the API's {@code actions} list. */
    public String apiName() {
        return apiName;
    }
}
