package it;

import it.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's client as README "Partners and request signing" describes it, with no server classes:
 * the signature is the lowercase hex HMAC-SHA256 of {@code timestamp + "." + raw body}, keyed with the
 * secret, sent with the key id and the timestamp. Shared by the API and the browser tests.
 */
public final class PartnerSigner {

    /** The signed call a partner's client makes to check its key: the open outlets it may send orders to. */
    public static final String OUTLETS = "/api/v1/partner/outlets";

    private PartnerSigner() {
    }

    /** Seconds since the epoch, as X-RMS-Timestamp carries them. */
    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A signed GET of the partner's outlets: signed over {@code signedBody}, sent with {@code sentBody} (null: none). */
    public static Reply outlets(String tenant, String keyId, String secret, long timestamp, String signedBody,
            String sentBody) {
        String ts = Long.toString(timestamp);
        return Api.at(OUTLETS).tenant(tenant).header("X-RMS-Key-Id", keyId).header("X-RMS-Timestamp", ts)
                .header("X-RMS-Signature", sign(secret, ts, signedBody)).send("GET", sentBody);
    }

    /** A signed GET of the partner's outlets, now, without a body. */
    public static Reply outlets(String tenant, String keyId, String secret) {
        return outlets(tenant, keyId, secret, now(), "", null);
    }
}
