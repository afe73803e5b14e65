package com.rms.online.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a partner signs a request (API.md "Partners and online orders"): {@code X-RMS-Signature} is the
 * lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of the partner's secret, over
 * {@code timestamp + "." + raw body} (for a body-less call, over {@code timestamp + "."}), where the
 * timestamp is {@code X-RMS-Timestamp} exactly as sent: epoch seconds within {@link #WINDOW} of the
 * server's clock, either way. The raw bytes are signed, so the check runs before any JSON is parsed
 * and a body changed in transit (even re-serialised to the same JSON) does not pass.
 */
public final class RequestSignature {

    /** How far a request's timestamp may lie from the server's clock, before or after: 300 s. */
    public static final Duration WINDOW = Duration.ofSeconds(300);
    private static final String HMAC = "HmacSHA256";
    /** Epoch seconds: digits only, and few enough to be a time (no sign, no exponent, no padding games). */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    /** A SHA-256 MAC in hex: 64 characters. */
    private static final Pattern HEX_MAC = Pattern.compile("[0-9a-f]{64}");

    private RequestSignature() {
    }

    /** The bytes signed: {@code timestamp + "." + body}. */
    public static byte[] canonical(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    /** The signature of a request: lowercase hex HMAC-SHA256 of {@link #canonical} keyed with the secret's UTF-8 bytes. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, canonical(timestamp, body)));
    }

    /**
     * Whether {@code signature} is the signature of this timestamp and body under {@code secret}. The
     * MACs are compared in constant time ({@link MessageDigest#isEqual}), so the time taken tells a
     * forger nothing about how much of a guess was right. Anything but 64 lowercase hex digits fails.
     */
    public static boolean matches(String secret, String timestamp, byte[] body, String signature) {
        if (signature == null || !HEX_MAC.matcher(signature).matches()) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, canonical(timestamp, body)), HexFormat.of().parseHex(signature));
    }

    /** The timestamp header as epoch seconds, or empty when it is not plain epoch seconds. */
    public static OptionalLong epochSeconds(String timestamp) {
        if (timestamp == null || !EPOCH_SECONDS.matcher(timestamp).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(timestamp));
    }

    /** Whether a request signed at {@code epochSeconds} is fresh at {@code now}: at most {@link #WINDOW} away, either way. */
    public static boolean isFresh(long epochSeconds, Instant now) {
        return Math.abs(now.getEpochSecond() - epochSeconds) <= WINDOW.toSeconds();
    }

    private static byte[] mac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
