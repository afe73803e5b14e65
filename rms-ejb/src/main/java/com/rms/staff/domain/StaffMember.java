package com.rms.staff.domain;

import com.rms.platform.persistence.BaseEntity;
import com.rms.platform.security.LoginGuard;
import com.rms.platform.security.Role;
import com.rms.platform.security.RoleSetConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A member of a tenant's staff: signs in with a password (back office) or a PIN (at an outlet's
 * POS), holds roles, and works at some outlets. Hashes never leave the server.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "pin_hash")
    private String pinHash;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_outlet", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "outlet_id")
    private Set<Long> outletIds = new HashSet<>();

    @Column(name = "hourly_rate")
    private BigDecimal hourlyRate;

    @Column(nullable = false)
    private boolean active = true;

    @Embedded
    private LoginGuard guard = new LoginGuard();

    protected StaffMember() {
    }

    public StaffMember(String username) {
        this.username = username;
    }

    public void update(String displayName, Set<Role> roles, Set<Long> outletIds, BigDecimal hourlyRate,
            boolean active) {
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.outletIds = new HashSet<>(outletIds);
        this.hourlyRate = hourlyRate;
        this.active = active;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setPinHash(String pinHash) {
        this.pinHash = pinHash;
    }

    public boolean worksAt(long outletId) {
        return outletIds.contains(outletId);
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

    public String getPinHash() {
        return pinHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Set<Long> getOutletIds() {
        return Set.copyOf(outletIds);
    }

    public BigDecimal getHourlyRate() {
        return hourlyRate;
    }

    public boolean isActive() {
        return active;
    }

    public LoginGuard guard() {
        return guard;
    }
}
