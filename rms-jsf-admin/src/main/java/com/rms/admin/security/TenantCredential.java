package com.rms.admin.security;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;

/**
 * A staff sign-in: the same user name exists in many tenants, so the tenant is part of the
 * credential rather than something guessed from the user name.
 */
public final class TenantCredential implements Credential {

    private final String tenant;
    private final String username;
    private final Password password;
    private boolean cleared;

    public TenantCredential(String tenant, String username, String password) {
        this.tenant = tenant == null ? null : tenant.trim();
        this.username = username == null ? null : username.trim();
        this.password = new Password(password == null ? "" : password);
    }

    public String tenant() {
        return tenant;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password.getValue() == null ? null : new String(password.getValue());
    }

    @Override
    public boolean isCleared() {
        return cleared;
    }

    @Override
    public void clear() {
        password.clear();
        cleared = true;
    }
}
