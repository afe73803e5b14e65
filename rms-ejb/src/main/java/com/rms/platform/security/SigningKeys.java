package com.rms.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token signing key pair, read once from the server keystore (Liberty generates it on first
 * start unless one is configured). MicroProfile JWT validates API tokens with the same public key.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    @ConfigProperty(name = "rms.jwt.keystore")
    String keystorePath;

    @Inject
    @ConfigProperty(name = "rms.jwt.keystore.password")
    String keystorePassword;

    @Inject
    @ConfigProperty(name = "rms.jwt.key.alias", defaultValue = "default")
    String alias;

    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;

    public String alias() {
        return alias;
    }

    public PrivateKey privateKey() {
        load();
        return privateKey;
    }

    public PublicKey publicKey() {
        load();
        return publicKey;
    }

    private void load() {
        if (privateKey != null) {
            return;
        }
        synchronized (this) {
            if (privateKey != null) {
                return;
            }
            try (InputStream in = Files.newInputStream(Path.of(keystorePath))) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, keystorePassword.toCharArray());
                if (!(store.getKey(alias, keystorePassword.toCharArray()) instanceof PrivateKey key)) {
                    throw new IllegalStateException("no private key '" + alias + "' in " + keystorePath);
                }
                Certificate certificate = store.getCertificate(alias);
                publicKey = certificate.getPublicKey();
                privateKey = key;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the signing key from " + keystorePath, e);
            }
        }
    }
}
