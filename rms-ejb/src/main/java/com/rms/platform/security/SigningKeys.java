package com.rms.platform.security;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token signing key of this deployment (see {@link JwtSigningKey}): the key file named by
 * {@code RMS_JWT_KEY_FILE} when set (every server of a chain is given the same one), otherwise a
 * key generated once into the server's configuration directory. On start its public key is written
 * where MicroProfile JWT reads it ({@code mp.jwt.verify.publickey.location} in server.xml), so API
 * tokens are validated with exactly this key and nothing else — not the TLS key.
 */
@ApplicationScoped
public class SigningKeys {

    private static final RmsLog LOG = RmsLog.of(SigningKeys.class);

    // Optional: MicroProfile Config treats an empty value (the server.xml default) as absent.
    @Inject
    @ConfigProperty(name = "rms.jwt.key.file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "rms.jwt.key.password")
    Optional<String> keyPassword;

    @Inject
    @ConfigProperty(name = "rms.jwt.key.alias")
    Optional<String> keyAlias;

    @Inject
    @ConfigProperty(name = "rms.jwt.key.generated")
    String generatedFile;

    @Inject
    @ConfigProperty(name = "rms.jwt.publickey.file")
    String publicKeyFile;

    private volatile JwtSigningKey key;

    /** Loads the key and publishes its public half before the first request can bring a token. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        key();
    }

    public String kid() {
        return key().kid();
    }

    public PrivateKey privateKey() {
        return key().privateKey();
    }

    public RSAPublicKey publicKey() {
        return key().publicKey();
    }

    /** The JWKS document ({@code GET /api/v1/auth/jwks}): the one key tokens are signed with now. */
    public JsonObject jwks() {
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(key().jwk())).build();
    }

    private JwtSigningKey key() {
        JwtSigningKey loaded = key;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (key == null) {
                JwtSigningKey read;
                if (keyFile.filter(f -> !f.isBlank()).isEmpty()) {
                    read = JwtSigningKey.readOrGenerate(Path.of(generatedFile));
                    LOG.info(LogContext.SECURITY, "JWT signing key " + read.kid() + " from " + generatedFile
                            + " (generated for this server; set RMS_JWT_KEY_FILE to share one key between servers)");
                } else {
                    read = JwtSigningKey.read(Path.of(keyFile.get()), keyPassword.orElse("").toCharArray(),
                            keyAlias.orElse(null));
                    LOG.info(LogContext.SECURITY, "JWT signing key " + read.kid() + " from RMS_JWT_KEY_FILE " + keyFile.get());
                }
                publish(read);
                key = read;
            }
            return key;
        }
    }

    /** Replaces the public key file atomically, so MicroProfile JWT never reads half a key. */
    private void publish(JwtSigningKey read) {
        Path target = Path.of(publicKeyFile).toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".rms-jwt-public", ".tmp");
            Files.writeString(temp, read.publicKeyPem(), StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the JWT public key to " + target, e);
        }
    }
}
