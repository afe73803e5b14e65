package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSigningKeyTest {

    @TempDir
    Path dir;

    /** RFC 7638 §3.1: the example key and its thumbprint. */
    @Test
    void theKidIsTheRfc7638Thumbprint() throws Exception {
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
                + "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5"
                + "hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        Base64.Decoder b64 = Base64.getUrlDecoder();
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(n)), new BigInteger(1, b64.decode("AQAB"))));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", JwtSigningKey.thumbprint(key));
    }

    @Test
    void aGeneratedKeyIsWrittenOnceReadableByItsOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("resources/security/rms-jwt.pem");
        JwtSigningKey first = JwtSigningKey.readOrGenerate(file);
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        JwtSigningKey again = JwtSigningKey.readOrGenerate(file);
        assertEquals(first.kid(), again.kid(), "a restart keeps the key, so issued tokens stay valid");
        assertTrue(first.publicKey().getModulus().bitLength() >= 2048);
        assertSigns(again);
    }

    @Test
    void serversStartingTogetherOnOneDirectoryEndWithOneKey() throws Exception {
        Path file = dir.resolve("shared/rms-jwt.pem");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JwtSigningKey>> keys = pool.invokeAll(List.of(
                    () -> JwtSigningKey.readOrGenerate(file), () -> JwtSigningKey.readOrGenerate(file),
                    () -> JwtSigningKey.readOrGenerate(file), () -> JwtSigningKey.readOrGenerate(file)));
            String kid = keys.get(0).get().kid();
            for (Future<JwtSigningKey> key : keys) {
                assertEquals(kid, key.get().kid());
            }
        } finally {
            pool.shutdownNow();
        }
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void aPemPkcs8KeyFileIsRead() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        JwtSigningKey key = JwtSigningKey.read(file, new char[0], null);
        assertEquals(pair.getPublic(), key.publicKey());
        assertFalse(key.jwk().containsKey("d"));
        assertEquals(key.kid(), key.jwk().getString("kid"));
        assertTrue(key.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertSigns(key);
    }

    @Test
    void aPkcs12KeyFileIsReadWithItsPassword() throws Exception {
        Path file = dir.resolve("key.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=test",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "secret-pass", "-keypass", "secret-pass")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        JwtSigningKey key = JwtSigningKey.read(file, "secret-pass".toCharArray(), null);
        assertEquals(key.kid(), JwtSigningKey.read(file, "secret-pass".toCharArray(), "jwt").kid());
        assertSigns(key);
        IllegalStateException wrongPassword = assertThrows(IllegalStateException.class,
                () -> JwtSigningKey.read(file, "wrong".toCharArray(), null));
        assertTrue(wrongPassword.getMessage().contains("RMS_JWT_KEY_PASSWORD"), wrongPassword.getMessage());
        assertThrows(IllegalStateException.class, () -> JwtSigningKey.read(file, "secret-pass".toCharArray(), "other"));
    }

    @Test
    void weakOrUnsupportedKeysAreRefusedWithAClearMessage() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path weak = dir.resolve("weak.pem");
        Files.writeString(weak, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> JwtSigningKey.read(weak, new char[0], null))
                .getMessage().contains("2048"));
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> JwtSigningKey.read(pkcs1, new char[0], null))
                .getMessage().contains("openssl pkcs8"));
    }

    private static void assertSigns(JwtSigningKey key) throws Exception {
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance("SHA256withRSA");
        sign.initSign(key.privateKey());
        sign.update(data);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(key.publicKey());
        verify.update(data);
        assertTrue(verify.verify(sign.sign()), "the public key belongs to the private key");
    }
}
