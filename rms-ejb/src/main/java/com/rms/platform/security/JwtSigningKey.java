package com.rms.platform.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The RSA key pair that signs every RMS token, with its key id: the RFC 7638 thumbprint of the
 * public key, so every server that is given the same key file names it the same way and a client
 * can pick it out of the published JWKS. It is deliberately not the server's TLS key (that one is
 * generated per server, so tokens of one server were refused by the next, and rotating the
 * certificate would have signed everyone out).
 *
 * <p>Read from a PKCS#12 keystore or a PEM PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----},
 * what {@code openssl genpkey -algorithm RSA} writes), or generated once as such a PEM file.
 */
public final class JwtSigningKey {

    /** Shorter RSA keys are refused: RS256 with less than 2048 bits is not considered safe. */
    static final int MIN_BITS = 2048;

    private static final String PEM_PRIVATE = "PRIVATE KEY";
    private static final String PEM_PUBLIC = "PUBLIC KEY";

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String kid;

    private JwtSigningKey(PrivateKey privateKey, RSAPublicKey publicKey) {
        if (publicKey.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("the JWT signing key has " + publicKey.getModulus().bitLength()
                    + " bits; at least " + MIN_BITS + " are required");
        }
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.kid = thumbprint(publicKey);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The key id: the base64url SHA-256 thumbprint of the public JWK (RFC 7638). */
    public String kid() {
        return kid;
    }

    /** The public key as a JWK for the JWKS document. */
    public JsonObject jwk() {
        return Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("use", "sig")
                .add("alg", "RS256")
                .add("kid", kid)
                .add("n", base64Url(publicKey.getModulus()))
                .add("e", base64Url(publicKey.getPublicExponent()))
                .build();
    }

    /** The public key as PEM (SubjectPublicKeyInfo), the form MicroProfile JWT reads from a location. */
    public String publicKeyPem() {
        return pem(PEM_PUBLIC, publicKey.getEncoded());
    }

    /**
     * The configured key file: PEM when it starts with {@code -----BEGIN}, PKCS#12 otherwise (then
     * {@code alias} names the entry, or the keystore must hold exactly one private key).
     */
    public static JwtSigningKey read(Path file, char[] password, String alias) {
        try {
            byte[] content = Files.readAllBytes(file);
            String text = new String(content, StandardCharsets.US_ASCII).trim();
            if (text.startsWith("-----BEGIN")) {
                return fromPem(text, file);
            }
            return fromPkcs12(content, password, alias, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the JWT signing key file " + file, e);
        }
    }

    /**
     * The key in {@code file}, generated there first when the file does not exist yet. Two servers
     * starting at once on one configuration directory end with the same key: each writes a temporary
     * file and moves it into place only if no key is there yet.
     */
    public static JwtSigningKey readOrGenerate(Path file) {
        if (Files.exists(file)) {
            return read(file, new char[0], null);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".rms-jwt", ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, pem(PEM_PRIVATE, pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException anotherServerWasFirst) {
                    // keep the key that is there: tokens it signed stay valid
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    moveIfAbsent(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return read(file, new char[0], null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the JWT signing key into " + file, e);
        }
    }

    private static void moveIfAbsent(Path temp, Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions (Windows): the directory's ACL applies
        }
    }

    private static JwtSigningKey fromPem(String text, Path file) {
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalStateException("the JWT signing key " + file + " must be an unencrypted PKCS#8 PEM key"
                    + " (-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <key.pem>");
        }
        String begin = "-----BEGIN " + PEM_PRIVATE + "-----";
        String end = "-----END " + PEM_PRIVATE + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("no PEM private key (" + begin + ") in " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("the JWT signing key " + file + " carries no public exponent");
            }
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new JwtSigningKey(key, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT signing key " + file + " is not an RSA PKCS#8 key", e);
        }
    }

    private static JwtSigningKey fromPkcs12(byte[] content, char[] password, String alias, Path file) {
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias == null || alias.isBlank() ? onlyKeyEntry(store, file) : alias;
            if (!(store.getKey(entry, password) instanceof PrivateKey key)) {
                throw new IllegalStateException("no private key '" + entry + "' in " + file);
            }
            Certificate certificate = store.getCertificate(entry);
            if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
                throw new IllegalStateException("the key '" + entry + "' in " + file + " is not an RSA key with a certificate");
            }
            return new JwtSigningKey(key, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the PKCS#12 JWT signing key " + file
                    + " (is RMS_JWT_KEY_PASSWORD right?)", e);
        }
    }

    private static String onlyKeyEntry(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalStateException(file + " holds " + keys.size() + " private keys; name one with RMS_JWT_KEY_ALIAS");
        }
        return keys.get(0);
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A JWK integer: the unsigned big-endian bytes, base64url without padding (RFC 7518 §6.3.1). */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
