package it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** Builds tokens for the tests: read, tampered, unsigned, signed by a foreign key, the server's JWT key or its TLS key. */
public final class Tokens {

    private Tokens() {
    }

    public static JsonObject header(String token) {
        return part(token.split("\\.")[0]);
    }

    public static JsonObject claims(String token) {
        return part(token.split("\\.")[1]);
    }

    private static JsonObject part(String b64) {
        try (var r = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8)))) {
            return r.readObject();
        }
    }

    private static String enc(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The token with one claim replaced and the original signature kept. */
    public static String tamper(String token, String claim, List<String> value) {
        String[] parts = token.split("\\.");
        var b = Json.createObjectBuilder(claims(token));
        var arr = Json.createArrayBuilder();
        value.forEach(arr::add);
        b.add(claim, arr);
        return parts[0] + "." + enc(b.build().toString()) + "." + parts[2];
    }

    public static String unsigned(JsonObject claims) {
        return enc("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + enc(claims.toString()) + ".";
    }

    public static String signWithForeignKey(JsonObject claims) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return sign(claims, gen.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signed by the server's JWT signing key: the key file the build gives the server as
     * RMS_JWT_KEY_FILE (system properties rms.jwt.key.file and rms.jwt.key.password), with its kid.
     */
    public static String signWithServerKey(JsonObject claims) {
        try {
            char[] password = System.getProperty("rms.jwt.key.password", "it-only-jwt-key").toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("rms.jwt.key.file",
                    "src/test/resources/it-jwt-key.p12")))) {
                ks.load(in, password);
            }
            String alias = Collections.list(ks.aliases()).stream().filter(a -> {
                try {
                    return ks.isKeyEntry(a);
                } catch (KeyStoreException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            RSAPublicKey pub = (RSAPublicKey) ks.getCertificate(alias).getPublicKey();
            return sign(claims, (PrivateKey) ks.getKey(alias, password), kid(pub));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 7638 thumbprint of an RSA public key, the kid the server gives its tokens. */
    public static String kid(RSAPublicKey key) throws Exception {
        String canonical = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\"" + b64(key.getModulus()) + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Signed by the server's TLS key (its keystore key.p12, read with the password the server was
     * created with): what signed tokens before the JWT key had its own, and must be refused now.
     */
    public static String signWithTlsKey(JsonObject claims) {
        Path server = Path.of(System.getProperty("rms.server.dir", "target/liberty/wlp/usr/servers/rms"));
        try {
            String password = Files.readAllLines(server.resolve("server.env")).stream()
                    .filter(l -> l.startsWith("keystore_password=")).findFirst().orElseThrow()
                    .substring("keystore_password=".length());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server.resolve("resources/security/key.p12"))) {
                ks.load(in, password.toCharArray());
            }
            return sign(claims, (PrivateKey) ks.getKey("default", password.toCharArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JsonObject claims, PrivateKey key) throws Exception {
        return sign(claims, key, "default");
    }

    private static String sign(JsonObject claims, PrivateKey key, String kid) throws Exception {
        String input = enc("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + enc(claims.toString());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }
}
