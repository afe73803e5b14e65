package com.rms.platform.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The server's {@link SecretBox}, loaded on first use from MicroProfile Config: {@value #KEY_FILE},
 * {@value #KEY}, or generated into {@value #GENERATED_FILE} (server.xml sets it to
 * {@code ${server.config.dir}/resources/security/rms-secrets.key}).
 */
@ApplicationScoped
public class Secrets {

    static final String KEY_FILE = "RMS_SECRET_KEY_FILE";
    static final String KEY = "RMS_SECRET_KEY";
    static final String GENERATED_FILE = "rms.secret.key.generated-file";

    @Inject
    Config config;

    private volatile SecretBox box;

    public SecretBox box() {
        SecretBox current = box;
        if (current == null) {
            synchronized (this) {
                if (box == null) {
                    box = SecretBox.load(value(KEY_FILE), value(KEY), Path.of(value(GENERATED_FILE).orElseThrow(
                            () -> new IllegalStateException("no secret key: set " + KEY_FILE + " or " + KEY))));
                }
                current = box;
            }
        }
        return current;
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
