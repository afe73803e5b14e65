package com.rms.pos.application;

import java.math.BigDecimal;

/** A modifier chosen on a line, as sold. */
public record LineModifierView(long id, String name, BigDecimal priceDelta) {
}
