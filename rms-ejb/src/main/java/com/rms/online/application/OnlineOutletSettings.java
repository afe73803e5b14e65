package com.rms.online.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An outlet's online-order settings (table {@code online_outlet_setting}, optional per outlet):
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
    @ConfigProperty(name = "rms.online.accept-minutes", defaultValue = "10")
    int defaultAcceptMinutes;

    @Inject
    @ConfigProperty(name = "rms.online.ready-minutes", defaultValue = "20")
    int defaultReadyMinutes;

    /** The outlet's settings, the defaults where it has none. */
    public Setting of(long outletId) {
        List<?> rows = em.createNativeQuery("select accept_minutes, ready_minutes from online_outlet_setting"
                + " where outlet_id = ?").setParameter(1, outletId).getResultList();
        if (rows.isEmpty()) {
            return new Setting(defaultAcceptMinutes, defaultReadyMinutes);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Setting(row[0] == null ? defaultAcceptMinutes : ((Number) row[0]).intValue(),
                row[1] == null ? defaultReadyMinutes : ((Number) row[1]).intValue());
    }
}
