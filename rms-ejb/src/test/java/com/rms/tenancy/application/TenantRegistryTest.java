package com.rms.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.tenancy.domain.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which requests a tenant's status lets through: the edge's gate in front of every tenant schema. */
class TenantRegistryTest {

    /** A registry table in memory. */
    static class Store extends TenantStore {
        final Map<String, Tenant> rows;

        Store(Map<String, Tenant> rows) {
            this.rows = rows;
        }

        @Override
        public Optional<Tenant> find(String slug) {
            return Optional.ofNullable(rows.get(slug));
        }

        @Override
        public List<Tenant> all() {
            return List.copyOf(rows.values());
        }
    }

    private static Tenant tenant(String slug, Consumer<Tenant> state) {
        Tenant t = new Tenant(slug, slug, "EUR", "UTC", null);
        state.accept(t);
        return t;
    }

    @Test
    void onlyActiveTenantsAreServed() {
        TenantRegistry registry = new TenantRegistry();
        registry.store = new Store(Map.of(
                "open", tenant("open", t -> t.migrated("2")),
                "paused", tenant("paused", t -> {
                    t.migrated("2");
                    t.suspend();
                }),
                "broken", tenant("broken", t -> t.migrationFailed("checksum mismatch")),
                "new", tenant("new", t -> { })));
        registry.reload();

        assertEquals("t_open", registry.requireServing("open").context().schema());
        assertThrows(AuthorizationException.class, () -> registry.requireServing("paused"));
        ServiceUnavailableException unavailable = assertThrows(ServiceUnavailableException.class,
                () -> registry.requireServing("broken"));
        assertEquals(503, unavailable.status());
        assertThrows(ServiceUnavailableException.class, () -> registry.requireServing("new"));
        assertThrows(NotFoundException.class, () -> registry.requireServing("nobody"));
    }

    @Test
    void aRepairedTenantIsServedAgainAfterItsNextMigration() {
        Tenant broken = tenant("fixme", t -> t.migrationFailed("boom"));
        broken.migrated("3");
        TenantRegistry registry = new TenantRegistry();
        registry.store = new Store(Map.of("fixme", broken));
        registry.reload();
        assertEquals("fixme", registry.requireServing("fixme").slug());
    }

    /** The 5-second refresh read the table while a tenant was provisioned on this server, and merges after. */
    @Test
    void aReloadThatReadBeforeAChangeDoesNotUndoIt() {
        TenantRegistry registry = new TenantRegistry();
        Tenant provisioning = tenant("fresh", t -> { });
        Tenant ready = tenant("fresh", t -> t.migrated("2"));
        Tenant gone = tenant("gone", t -> t.migrated("2"));
        Map<String, Tenant> rows = new java.util.HashMap<>(Map.of("fresh", provisioning, "gone", gone));
        registry.store = new Store(rows) {
            @Override
            public List<Tenant> all() {
                List<Tenant> read = super.all();
                // provisioning finishes and a failed tenant is discarded after the read, before the merge
                rows.put("fresh", ready);
                registry.update(ready);
                rows.remove("gone");
                registry.forget("gone");
                return read;
            }
        };
        registry.reload();

        assertEquals("fresh", registry.requireServing("fresh").slug());
        assertEquals(List.of("fresh"), registry.active().stream().map(TenantRegistry.Entry::slug).toList());
        assertThrows(NotFoundException.class, () -> registry.requireServing("gone"));
    }
}
