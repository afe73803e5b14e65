package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyGuardTest {

    private static void ok(String json) {
        assertDoesNotThrow(() -> JsonBodyGuard.scan(json.getBytes(StandardCharsets.UTF_8)), json.length() > 200 ? json.substring(0, 200) : json);
    }

    /** Refused: returns the field the error names, and checks the message does not echo the value. */
    private static String refused(String json, String value) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> JsonBodyGuard.scan(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.errors().size());
        if (value != null) {
            assertFalse(e.getMessage().contains(value) || e.errors().get(0).message().contains(value), "not echoed");
        }
        return e.errors().get(0).field();
    }

    private static String nested(int depth) {
        return "{\"name\":\"x\",\"extra\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void nestingOf64IsReadAnd65Refused() {
        ok(nested(64));
        assertTrue(refused(nested(65), null).startsWith("extra"));
    }

    private static String lines(int count, String name) {
        StringBuilder json = new StringBuilder("{\"" + name + "\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"menuItemId\":1,\"quantity\":1}");
        }
        return json.append("]}").toString();
    }

    @Test
    void twoHundredLinesAreReadAnd201Refused() {
        ok(lines(200, "lines"));
        assertEquals("lines", refused(lines(201, "lines"), null));
    }

    @Test
    void twentyTendersAreReadAnd21Refused() {
        ok(lines(20, "payments"));
        assertEquals("payments", refused(lines(21, "payments"), null));
    }

    @Test
    void anyOtherListHoldsAtMost500() {
        String ids = "{\"outletIds\":[" + "1,".repeat(499) + "1]}";
        ok(ids);
        assertEquals("outletIds", refused("{\"outletIds\":[" + "1,".repeat(500) + "1]}", null));
    }

    @Test
    void numbersNoFieldCanHoldAreRefusedNamingTheField() {
        assertEquals("lines[0].quantity", refused("{\"lines\":[{\"quantity\":99999999999999999999}]}", null));
        assertEquals("amount", refused("{\"amount\":1e400}", null));
        assertEquals("amount", refused("{\"amount\":123456789012345678901234567890}", null));
        assertEquals("amount", refused("{\"amount\":1e-400}", null));
        ok("{\"amount\":9999999999.99,\"id\":123456789012345678,\"rate\":19.0,\"zero\":0,\"neg\":-5.5}");
    }

    @Test
    void overLongStringsAreRefused() {
        ok("{\"note\":\"" + "a".repeat(10_000) + "\"}");
        assertEquals("note", refused("{\"note\":\"" + "a".repeat(10_001) + "\"}", null));
    }

    @Test
    void cardNumbersWithOrWithoutSeparatorsAreRefusedAnywhereInText() {
        assertEquals("lines[1].note", refused("{\"lines\":[{\"note\":\"ok\"},{\"note\":\"card 4111 1111 1111 1111 pls\"}]}", "4111"));
        assertEquals("name", refused("{\"name\":\"Ann 4111-1111-1111-1111\"}", "4111"));
        assertEquals("note", refused("{\"note\":\"5555.5555.5555.4444\"}", "5555"));
        assertEquals("note", refused("{\"note\":\"378282246310005\"}", "3782"));
        assertEquals("cardToken", refused("{\"cardToken\":\"4242424242424242|12|30|123\"}", "4242"));
        assertEquals("body[0]", refused("[\"4111111111111111\"]", "4111"));
    }

    @Test
    void numbersThatAreNotCardsStay() {
        ok("{\"note\":\"order 1234567890123 at 12.50\"}");
        ok("{\"phone\":\"+49 1701 2345678\"}");
        ok("{\"phone\":\"030 1234567\"}");
        ok("{\"amount\":4111111111111111}");
        ok("{\"note\":\"ref 41111111111111111111111\"}");
        ok("{\"note\":\"2025-01-31 18:00\"}");
    }

    @Test
    void aGs1ProductCodeIsAllowedInASkuButNotElsewhere() {
        // 4006381333924: a valid EAN-13 that also passes Luhn
        assertTrue(CardNumbers.contains("4006381333924"));
        ok("{\"sku\":\"4006381333924\"}");
        assertEquals("note", refused("{\"note\":\"4006381333924\"}", "4006"));
        assertEquals("sku", refused("{\"sku\":\"4111111111111111\"}", "4111"));
    }

    @Test
    void malformedJsonIsLeftToTheBinder() {
        ok("{\"name\": \"Broken\"");
        ok("not json at all");
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertDoesNotThrow(() -> JsonBodyGuard.scan(invalidUtf8));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        assertThrows(PayloadTooLargeException.class,
                () -> JsonBodyGuard.readAtMost(new ByteArrayInputStream(new byte[2049]), 2048));
        assertDoesNotThrow(() -> JsonBodyGuard.readAtMost(new ByteArrayInputStream(new byte[2048]), 2048));
    }
}
