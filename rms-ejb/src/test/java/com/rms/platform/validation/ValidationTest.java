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

    @Test
    void callbackUrlsMustBeAbsoluteHttpWithAHostAndNoCredentials() {
        assertTrue(Validation.isHttpUrl("https://partner.example/hooks/rms"));
        assertTrue(Validation.isHttpUrl("http://127.0.0.1:8080/hook?token=abc"));
        assertFalse(Validation.isHttpUrl("/hooks"), "relative");
        assertFalse(Validation.isHttpUrl("ftp://partner.example/hooks"));
        assertFalse(Validation.isHttpUrl("javascript:alert(1)"));
        assertFalse(Validation.isHttpUrl("https:///no-host"));
        assertFalse(Validation.isHttpUrl("https://user:pw@partner.example/hooks"), "credentials");
        assertFalse(Validation.isHttpUrl("https://partner.example/hooks#frag"));
        assertFalse(Validation.isHttpUrl("https://partner.example/a b"), "not a URI");
        assertFalse(Validation.isHttpUrl("https://partner.example/" + "a".repeat(2048)), "over 2048 characters");
    }
}
