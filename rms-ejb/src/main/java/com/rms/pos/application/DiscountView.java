package com.rms.pos.application;

import java.math.BigDecimal;

/** The order's discount as asked for, and the manager who approved it when one had to. */
public record DiscountView(String type, BigDecimal value, String reason, String approvedBy) {
}
