package com.rms.platform.bootstrap;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.PasswordHashing;
import com.rms.platform.security.PlatformUser;
import com.rms.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the platform administrator {@code admin} exists. Its password comes from
 * {@code RMS_ADMIN_PASSWORD}; on the embedded database without one, a random password is generated
 * and printed once; on PostgreSQL one is required.
 */
@ApplicationScoped
public class PlatformAdmin {

    public static final String USERNAME = "admin";
    private static final RmsLog LOG = RmsLog.of(PlatformAdmin.class);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    @ConfigProperty(name = "rms.db", defaultValue = "h2")
    String database;

    @Inject
    @ConfigProperty(name = "rms.admin.password")
    Optional<String> configuredPassword;

    @Transactional
    public void ensure() {
        Optional<String> password = configuredPassword.filter(p -> !p.isBlank());
        PlatformUser admin = em.createQuery("select u from PlatformUser u where u.username = :u", PlatformUser.class)
                .setParameter("u", USERNAME).getResultStream().findFirst().orElse(null);
        if (admin != null) {
            if (password.isPresent() && !hashing.verify(password.get(), admin.getPasswordHash())) {
                admin.changePassword(hashing.hashPassword(password.get()));
                LOG.info(LogContext.SECURITY, "platform administrator password updated from RMS_ADMIN_PASSWORD");
            }
            return;
        }
        if (password.isEmpty() && !"h2".equals(database)) {
            throw new IllegalStateException("RMS_ADMIN_PASSWORD must be set to create the platform administrator");
        }
        String secret = password.orElseGet(PlatformAdmin::generate);
        em.persist(new PlatformUser(USERNAME, "Platform administrator", hashing.hashPassword(secret),
                EnumSet.of(Role.PLATFORM_ADMIN)));
        if (password.isEmpty()) {
            // Printed once, on the embedded default only, so a developer can sign in; never logged again.
            LOG.warn(LogContext.SECURITY, "Generated platform administrator: user 'admin', password '" + secret
                    + "' (set RMS_ADMIN_PASSWORD to choose one)");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
