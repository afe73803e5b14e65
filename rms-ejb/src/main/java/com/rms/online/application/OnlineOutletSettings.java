package com.rms.online.application;

import com.rms.online.domain.OnlineOutletSetting;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.CallerContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An outlet's online-order settings (table {@code online_outlet_setting}, optional per outlet; read and
 * set with {@code GET|PUT /outlets/{id}/online-settings}):
 * {@code onlineAcceptMinutes}, how long a RECEIVED order waits for the staff before it is rejected
 * automatically (default 10, API.md), and {@code onlineReadyMinutes}, the preparation time the
 * estimated ready time of a new order counts on (default 20).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OnlineOutletSettings {

    /** The settings in force at an outlet. */
    public record Setting(int acceptMinutes, int readyMinutes) {
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletDirectory outlets;

    @Inject
    Validation validation;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "rms.online.accept-minutes", defaultValue = "10")
    int defaultAcceptMinutes;

    @Inject
    @ConfigProperty(name = "rms.online.ready-minutes", defaultValue = "20")
    int defaultReadyMinutes;

    /** An outlet's settings as the API shows them: what is set ({@code null}: the default) and what is in force. */
    public record SettingsView(long outletId, Integer onlineAcceptMinutes, Integer onlineReadyMinutes,
            int effectiveAcceptMinutes, int effectiveReadyMinutes) {
    }

    /** The outlet's settings, the defaults where it has none. */
    public Setting of(long outletId) {
        Integer[] set = stored(outletId);
        return new Setting(set[0] == null ? defaultAcceptMinutes : set[0], set[1] == null ? defaultReadyMinutes : set[1]);
    }

    /** The settings of an outlet the caller works at (another outlet's or tenant's: 404). */
    public SettingsView get(long outletId) {
        requireOutlet(outletId);
        return view(outletId);
    }

    /**
     * Sets an outlet's settings (OWNER, or a MANAGER of the outlet): the new values replace both, a missing
     * one goes back to its default. Audited. Orders already received keep their deadline and estimate.
     */
    @Transactional
    public SettingsView put(long outletId, OnlineSettingsCommand command) {
        requireOutlet(outletId);
        OnlineSettingsCommand c = command == null ? new OnlineSettingsCommand(null, null) : command;
        validation.check(c).throwIfAny();
        OnlineOutletSetting setting = em.find(OnlineOutletSetting.class, outletId);
        if (setting == null) {
            setting = new OnlineOutletSetting(outletId);
            em.persist(setting);
        }
        setting.set(c.onlineAcceptMinutes(), c.onlineReadyMinutes());
        em.flush();
        audit.record("outlet.online-settings", "outlet:" + outletId, "onlineAcceptMinutes=" + c.onlineAcceptMinutes()
                + ", onlineReadyMinutes=" + c.onlineReadyMinutes());
        return view(outletId);
    }

    private SettingsView view(long outletId) {
        Integer[] set = stored(outletId);
        Setting in = of(outletId);
        return new SettingsView(outletId, set[0], set[1], in.acceptMinutes(), in.readyMinutes());
    }

    private Integer[] stored(long outletId) {
        OnlineOutletSetting setting = em.find(OnlineOutletSetting.class, outletId);
        return setting == null ? new Integer[2] : new Integer[] {setting.getAcceptMinutes(), setting.getReadyMinutes()};
    }

    private void requireOutlet(long outletId) {
        if (!CallerContext.current().mayAccessOutlet(outletId) || !outlets.exists(outletId)) {
            throw new NotFoundException("no outlet " + outletId);
        }
    }
}
