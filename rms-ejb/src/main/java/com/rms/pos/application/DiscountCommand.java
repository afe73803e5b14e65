package com.rms.pos.application;

import java.math.BigDecimal;

/** An order discount: {@code PERCENT} of the subtotal or an {@code AMOUNT}, always with a reason. */
public record DiscountCommand(String type, BigDecimal value, String reason) {
}
