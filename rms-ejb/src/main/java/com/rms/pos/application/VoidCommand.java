package com.rms.pos.application;

/** Why something is voided, and a manager's PIN when the caller is not a manager. */
public record VoidCommand(String reason, String managerPin) {
}
