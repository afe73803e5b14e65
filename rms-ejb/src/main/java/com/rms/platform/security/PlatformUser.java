package com.rms.platform.security;

import com.rms.platform.persistence.BaseEntity;
import com.rms.platform.tenant.TenantContext;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;

/** A user of the platform itself (not of a tenant), such as the platform administrator. */
@Entity
@Table(name = "platform_user", schema = TenantContext.CONTROL_SCHEMA)
public class PlatformUser extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Embedded
    private LoginGuard guard = new LoginGuard();

    protected PlatformUser() {
    }

    public PlatformUser(String username, String displayName, String passwordHash, Set<Role> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public LoginGuard guard() {
        return guard;
    }
}
