package com.rms.platform.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void timeZonesMustBeRegionIdsOrUtc() {
        assertTrue(Validation.isZone("Europe/Berlin"));
        assertTrue(Validation.isZone("America/Argentina/Buenos_Aires"));
        assertTrue(Validation.isZone("UTC"));
        assertFalse(Validation.isZone("Mars/Olympus"));
        assertFalse(Validation.isZone("+02:00"), "an offset is not an outlet's zone: it ignores daylight saving");
    }

    @Test
    void currenciesMustBeIso4217Codes() {
        assertTrue(Validation.isCurrency("EUR"));
        assertTrue(Validation.isCurrency("JPY"));
        assertFalse(Validation.isCurrency("eur"));
        assertFalse(Validation.isCurrency("EURO"));
        assertFalse(Validation.isCurrency("XYZ"));
    }
}
