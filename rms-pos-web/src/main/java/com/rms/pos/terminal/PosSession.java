package com.rms.pos.terminal;

import com.rms.platform.security.Role;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is signed in at this terminal, and at which outlet. The POS has no container login: a PIN
 * identifies the staff member only together with an outlet, which is what this session records.
 */
@Named
@SessionScoped
public class PosSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private StaffIdentity staff;
    private long outletId;
    private String outletName;
    private Instant lastUsed;

    void signIn(StaffIdentity staff, long outletId, String outletName, Instant now) {
        this.staff = staff;
        this.outletId = outletId;
        this.outletName = outletName;
        this.lastUsed = now;
    }

    /**
     * The terminal was used now. Kept here rather than read from the HTTP session's last access:
     * a page's socket fetching its token is no use of the terminal, and must not keep an unattended
     * till signed in.
     */
    void used(Instant now) {
        lastUsed = now;
    }

    /** When this session ends if nobody uses the terminal before. */
    Instant idleUntil(Duration idle) {
        return lastUsed.plus(idle);
    }

    /** Whether the staff member sells (kitchen staff who take no orders get the kitchen display only). */
    public static boolean takesOrders(StaffIdentity staff) {
        return staff.has(Role.CASHIER) || staff.has(Role.WAITER) || staff.has(Role.MANAGER) || staff.has(Role.OWNER);
    }

    public boolean isTakingOrders() {
        return staff != null && takesOrders(staff);
    }

    public Optional<StaffIdentity> staff() {
        return Optional.ofNullable(staff);
    }

    public boolean isSignedIn() {
        return staff != null;
    }

    public long getOutletId() {
        return outletId;
    }

    public String getOutletName() {
        return outletName;
    }

    public String getTenant() {
        return staff == null ? null : staff.tenant();
    }

    public String getStaffName() {
        return staff == null ? "" : staff.displayName() == null ? staff.username() : staff.displayName();
    }
}
