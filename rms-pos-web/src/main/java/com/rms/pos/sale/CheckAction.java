package com.rms.pos.sale;

/**
 * The changes to a check that take a reason and may need a manager's approval: they share one
 * dialog, and one way of asking for the manager's PIN when the server says a manager must approve.
 */
public enum CheckAction {

    VOID_LINE("Void line", "Void line", "Reason, e.g. guest changed their mind",
            "This line was sent to the kitchen: a manager must approve.", "void"),
    VOID_ORDER("Void check", "Void check", "Reason, e.g. guest left before ordering",
            "Voiding a check: a manager must approve.", "void"),
    REFUND("Refund", "Refund", "Reason, e.g. cold food",
            "A refund: a manager must approve.", "refund"),
    DISCOUNT("Discount", "Give discount", "Reason, e.g. regular guest",
            "This discount is more than a cashier may give: a manager must approve.", "discount"),
    REOPEN("Re-open check", "Re-open check", "Reason, e.g. guest ordered dessert",
            "Re-opening a paid check: a manager must approve.", "re-opening");

    private final String title;
    private final String confirm;
    private final String reasonHint;
    private final String approvalNeeded;
    private final String noun;

    CheckAction(String title, String confirm, String reasonHint, String approvalNeeded, String noun) {
        this.title = title;
        this.confirm = confirm;
        this.reasonHint = reasonHint;
        this.approvalNeeded = approvalNeeded;
        this.noun = noun;
    }

    /** The dialog's heading. */
    public String title() {
        return title;
    }

    /** The confirm button's label before a manager has to approve. */
    public String confirm() {
        return confirm;
    }

    public String reasonHint() {
        return reasonHint;
    }

    /** What the cashier is told when the server answers that a manager must approve. */
    String approvalNeeded() {
        return approvalNeeded;
    }

    /** What the cashier is told when the PIN given did not approve it. */
    String pinRefused() {
        return "That PIN cannot approve this " + noun + ".";
    }
}
