package com.rms.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void sensitiveJsonFieldsOfRealRequestBodiesAreRedacted() {
        String login = "{\"tenant\":\"demo\",\"username\":\"owner\",\"password\":\"owner-demo\"}";
        String redacted = Redactor.redact(login);
        assertEquals("{\"tenant\":\"demo\",\"username\":\"owner\",\"password\":\"[REDACTED]\"}", redacted);

        String pin = "{\"tenant\":\"demo\",\"outletId\":954,\"pin\":\"1111\"}";
        assertFalse(Redactor.redact(pin).contains("1111"));

        String staff = "{\"username\":\"mia\",\"pin\": 4321, \"password\" : \"with \\\"quote\\\" inside\", \"displayName\":\"Mia\"}";
        String out = Redactor.redact(staff);
        assertFalse(out.contains("4321"));
        assertFalse(out.contains("quote"));
        assertTrue(out.contains("\"displayName\":\"Mia\""));

        String payment = "{\"method\":\"CARD\",\"cardToken\":\"tok_visa\",\"cvv\":\"123\",\"clientSecret\":\"pi_1_secret_2\",\"amount\":12.50}";
        String paid = Redactor.redact(payment);
        assertFalse(paid.contains("\"123\""));
        assertFalse(paid.contains("pi_1_secret_2"));
        assertFalse(paid.contains("tok_visa"));
        assertTrue(paid.contains("\"amount\":12.50"));
    }

    @Test
    void cardNumbersAreRedactedWhereverTheyAppearButOtherNumbersStay() {
        assertEquals("card [REDACTED] declined", Redactor.redact("card 4111 1111 1111 1111 declined"));
        assertEquals("pan=[REDACTED]", Redactor.redact("pan=5555-5555-5555-4444"));
        assertEquals("order 1234567890123 total 12.50", Redactor.redact("order 1234567890123 total 12.50"),
                "a 13-digit number that fails the Luhn check is not a card");
        assertTrue(Redactor.redact("{\"note\":\"paid with 378282246310005\"}").contains("[REDACTED]"));
    }

    @Test
    void tokensAndSecretsInHeadersAndQueriesAreRedacted() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        assertEquals("Authorization: Bearer [REDACTED]", Redactor.redact("Authorization: Bearer " + jwt));
        assertEquals("GET /ws/events?access_token=[REDACTED]&x=1", Redactor.redact("GET /ws/events?access_token=" + jwt + "&x=1"));
        assertEquals("secret=[REDACTED] token=[REDACTED]", Redactor.redact("secret=s3cr3t token=abc"));
    }

    @Test
    void ordinaryMessagesAreLeftAlone() {
        String message = "authentication POST /api/v1/auth/token: invalid credentials";
        assertEquals(message, Redactor.redact(message));
        assertEquals(null, Redactor.redact(null));
    }

    @Test
    void cardNumbersWithDotsOrMixedSeparatorsAreRedactedToo() {
        assertEquals("note [REDACTED] end", Redactor.redact("note 4111.1111.1111.1111 end"));
        assertEquals("[REDACTED]", Redactor.redact("4111 1111-1111.1111"));
        assertEquals("version 1.2.3.4 at 10.0.0.1", Redactor.redact("version 1.2.3.4 at 10.0.0.1"),
                "short dotted numbers are not cards");
    }
}
