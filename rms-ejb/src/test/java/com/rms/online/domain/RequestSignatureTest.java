package com.rms.online.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The signing rule partners implement from the README: its examples are checked here, byte for byte. */
class RequestSignatureTest {

    /** The README's worked example ("Partners and request signing"). */
    static final String SECRET = "sk_example_secret_not_for_use";
    static final String TIMESTAMP = "1767225600";
    static final byte[] BODY = "{\"outletId\":1001,\"externalRef\":\"ORDER-42\"}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "fb8aa663e368627aa3bdc4b473ee115bcb9fc59176fa17783812838a5d49b6f3";
    static final String BODYLESS_SIGNATURE = "aac72ee103896e8d0b386545d6a4091b623124e91b185ef32e6c4f7ff3fa9776";

    @Test
    void theCanonicalStringIsTheTimestampADotAndTheRawBody() {
        assertArrayEquals(("1767225600.{\"outletId\":1001,\"externalRef\":\"ORDER-42\"}").getBytes(StandardCharsets.UTF_8),
                RequestSignature.canonical(TIMESTAMP, BODY));
        assertArrayEquals("1767225600.".getBytes(StandardCharsets.UTF_8), RequestSignature.canonical(TIMESTAMP, new byte[0]));
    }

    @Test
    void thePublishedExamplesSignAsDocumented() {
        assertEquals(SIGNATURE, RequestSignature.sign(SECRET, TIMESTAMP, BODY));
        assertEquals(BODYLESS_SIGNATURE, RequestSignature.sign(SECRET, TIMESTAMP, new byte[0]));
        assertTrue(RequestSignature.matches(SECRET, TIMESTAMP, BODY, SIGNATURE));
        assertTrue(RequestSignature.matches(SECRET, TIMESTAMP, new byte[0], BODYLESS_SIGNATURE));
    }

    @Test
    void theSignatureIsLowercaseHexOfTheFullMac() {
        String signature = RequestSignature.sign(SECRET, TIMESTAMP, BODY);
        assertEquals(64, signature.length());
        assertTrue(signature.matches("[0-9a-f]{64}"), signature);
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, SIGNATURE.toUpperCase()),
                "the contract says lowercase hex; anything else is not a signature");
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, SIGNATURE.substring(0, 63)));
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, SIGNATURE + "0"));
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, null));
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, ""));
    }

    @Test
    void anyChangeOfSecretTimestampOrBodyFails() {
        assertFalse(RequestSignature.matches("sk_example_secret_not_for_usf", TIMESTAMP, BODY, SIGNATURE));
        assertFalse(RequestSignature.matches(SECRET, "1767225601", BODY, SIGNATURE));
        byte[] altered = BODY.clone();
        altered[altered.length - 3] = '3';
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, altered, SIGNATURE));
        byte[] reserialised = "{\"outletId\": 1001, \"externalRef\": \"ORDER-42\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, reserialised, SIGNATURE),
                "the raw bytes are signed, not the JSON they mean");
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, new byte[0], SIGNATURE));
    }

    @Test
    void aSignatureOneBitOffIsRefused() {
        char last = SIGNATURE.charAt(63);
        String flipped = SIGNATURE.substring(0, 63) + (last == '3' ? '2' : '3');
        assertFalse(RequestSignature.matches(SECRET, TIMESTAMP, BODY, flipped));
    }

    @Test
    void theSecretIsKeyedAsItsUtf8Bytes() {
        String secret = "sk_\u00e9t\u00e9";
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign(secret, TIMESTAMP, body);
        assertTrue(RequestSignature.matches(secret, TIMESTAMP, body, signature));
        assertFalse(RequestSignature.matches(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                TIMESTAMP, body, signature));
    }

    @Test
    void theTimestampIsPlainEpochSeconds() {
        assertEquals(OptionalLong.of(1767225600L), RequestSignature.epochSeconds("1767225600"));
        assertTrue(RequestSignature.epochSeconds(null).isEmpty());
        assertTrue(RequestSignature.epochSeconds("").isEmpty());
        assertTrue(RequestSignature.epochSeconds("-5").isEmpty());
        assertTrue(RequestSignature.epochSeconds("+1767225600").isEmpty());
        assertTrue(RequestSignature.epochSeconds("1767225600.5").isEmpty());
        assertTrue(RequestSignature.epochSeconds("1767225600000000").isEmpty(), "not milliseconds or worse");
        assertTrue(RequestSignature.epochSeconds("2026-01-01T00:00:00Z").isEmpty());
    }

    @Test
    void theWindowIsThreeHundredSecondsEitherWayInclusive() {
        Instant now = Instant.ofEpochSecond(1767225600L);
        long t = now.getEpochSecond();
        assertTrue(RequestSignature.isFresh(t, now));
        assertTrue(RequestSignature.isFresh(t - 300, now), "300 s old is still fresh");
        assertTrue(RequestSignature.isFresh(t + 300, now), "300 s ahead is still fresh");
        assertFalse(RequestSignature.isFresh(t - 301, now), "301 s old is stale");
        assertFalse(RequestSignature.isFresh(t + 301, now), "301 s ahead is refused too");
        assertFalse(RequestSignature.isFresh(0, now));
    }
}
