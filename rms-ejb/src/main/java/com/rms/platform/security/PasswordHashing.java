package com.rms.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks passwords and PINs with Jakarta Security's PBKDF2. PINs use fewer iterations:
 * a PIN pad checks the PINs of several people at once, and a 4-6 digit secret gains little from
 * more rounds; the lockout, not the hash, is what stops guessing there.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash passwords;

    @Inject
    Pbkdf2PasswordHash pins;

    /** Verified against when an account does not exist, so that an unknown user costs the same time. */
    private String decoy;

    @PostConstruct
    void init() {
        passwords.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "120000"));
        pins.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "10000"));
        decoy = passwords.generate("decoy-password".toCharArray());
    }

    public String hashPassword(String password) {
        return passwords.generate(password.toCharArray());
    }

    public String hashPin(String pin) {
        return pins.generate(pin.toCharArray());
    }

    /** Checks a password or PIN against a stored hash; a null hash burns the same time and fails. */
    public boolean verify(String secret, String storedHash) {
        if (secret == null) {
            return false;
        }
        if (storedHash == null) {
            passwords.verify(secret.toCharArray(), decoy);
            return false;
        }
        return passwords.verify(secret.toCharArray(), storedHash);
    }
}
