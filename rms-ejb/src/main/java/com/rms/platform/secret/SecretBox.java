package com.rms.platform.secret;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets kept in the database (a tenant's card provider key, a partner's secret) with
 * AES-256-GCM under the server's secret key, each bound to what it belongs to (the associated data: a sealed value copied
 * to another tenant's row does not open). Sealed values read {@code v1:<base64 of iv + ciphertext>}.
 *
 * <p>The key is {@code RMS_SECRET_KEY_FILE} (a file holding the base64 of 32 bytes), else
 * {@code RMS_SECRET_KEY} (the base64 itself), else generated once into the server's configuration
 * directory ({@code resources/security/rms-secrets.key}, readable by the server's user only). Every
 * server of a chain must share it: a value sealed by one server opens on another only with the same key.
 */
public final class SecretBox {

    private static final RmsLog LOG = RmsLog.of(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the server's secret key must be 32 bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box with this base64 key (tests). */
    public static SecretBox of(String base64Key) {
        return new SecretBox(decode(base64Key, "the secret key"));
    }

    /**
     * The server's box: from {@code keyFile} or {@code base64Key} when given, else the key in
     * {@code generated}, created there on first use.
     */
    public static SecretBox load(Optional<String> keyFile, Optional<String> base64Key, Path generated) {
        if (keyFile.isPresent()) {
            Path file = Path.of(keyFile.get());
            try {
                return new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), "RMS_SECRET_KEY_FILE"));
            } catch (IOException e) {
                throw new IllegalStateException("RMS_SECRET_KEY_FILE cannot be read: " + e.getClass().getSimpleName());
            }
        }
        if (base64Key.isPresent()) {
            return new SecretBox(decode(base64Key.get().trim(), "RMS_SECRET_KEY"));
        }
        try {
            if (!Files.exists(generated)) {
                generate(generated);
            }
            return new SecretBox(decode(Files.readString(generated, StandardCharsets.US_ASCII).trim(), generated.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("the server's secret key " + generated + " cannot be read or created: "
                    + e.getClass().getSimpleName());
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".rms-secrets", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL protects it
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // never replace a key another server of this installation wrote meanwhile: a link fails if it exists
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (noLinks instanceof FileAlreadyExistsException) {
                    return;
                }
                Files.move(temp, file);
            }
            LOG.info(LogContext.SECURITY, "Generated the server's secret key into " + file + "; every server of the chain "
                    + "must use the same key (copy it and set RMS_SECRET_KEY_FILE), or secrets sealed here do not open there");
        } catch (FileAlreadyExistsException raced) {
            // another server created it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Seals {@code secret} for {@code owner} (e.g. {@code payment-provider:<tenant>}). */
    public String seal(String secret, String owner) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a value sealed for {@code owner}; fails when the key or the owner differ or it was altered. */
    public String open(String sealed, String owner) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed value");
        }
        byte[] in = decode(sealed.substring(VERSION.length()), "the sealed value");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret of " + owner + " does not open with this server's secret key "
                    + "(do all servers share RMS_SECRET_KEY_FILE?)");
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64");
        }
    }
}
