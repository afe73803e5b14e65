package com.rms.pos.application;

import java.math.BigDecimal;

/** Money to give back on a completed order, why, and a manager's PIN when the caller is not a manager. */
public record RefundCommand(BigDecimal amount, String reason, String managerPin) {
}
