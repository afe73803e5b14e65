package com.rms.tenancy.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.application.StaffDirectory;
import com.rms.tenancy.domain.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Provisions tenants into their own schema and keeps every tenant schema migrated. A tenant whose
 * migration fails is marked unavailable (its requests get 503) and the others carry on.
 */
@ApplicationScoped
public class TenantService {

    private static final RmsLog LOG = RmsLog.of(TenantService.class);
    /**
     * Tenant schemas migrated at once on start: enough to overlap PostgreSQL round trips, no more.
     * The embedded H2 migrates one at a time: its DDL takes a database-wide lock, so parallel
     * migrations only wait on each other (and an ALTER TABLE there once timed out doing so).
     */
    private static final int MIGRATION_PARALLELISM = 4;

    @Resource(lookup = "jdbc/rms")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    TenantStore store;

    @Inject
    TenantRegistry registry;

    @Inject
    StaffDirectory staff;

    @Inject
    AuditTrail audit;

    @Inject
    com.rms.platform.validation.Validation validation;

    /**
     * Registers the tenant, creates and migrates its schema and its owner, and answers when it is
     * ready. If any step fails, what was created is removed so that the same request can be retried.
     */
    public TenantView provision(ProvisionTenant command) {
        validation.check(command).currency("currency", command == null ? null : command.currency())
                .zone("timezone", command == null ? null : command.timezone()).throwIfAny();
        Tenant tenant = store.register(new Tenant(command.slug(), command.name().trim(), command.currency(),
                command.timezone(), command.rateLimitRps()));
        try {
            String version = new SchemaMigrator(dataSource).migrateTenant(tenant.schema());
            TenantContext.runAs(TenantContext.Tenant.of(tenant.getSlug()), () -> {
                ProvisionTenant.Owner owner = command.owner();
                staff.createOwner(owner.username(), owner.password(),
                        owner.displayName() == null || owner.displayName().isBlank() ? owner.username() : owner.displayName());
                audit.record("tenant.provisioned", "tenant:" + tenant.getSlug(), "name=" + tenant.getName());
            });
            Tenant ready = store.change(tenant.getSlug(), t -> t.migrated(version));
            registry.update(ready);
            LOG.info(LogContext.BUSINESS, "tenant " + tenant.getSlug() + " provisioned at schema version " + version);
            return TenantView.of(ready);
        } catch (RuntimeException e) {
            discard(tenant);
            if (e instanceof RmsException rms) {
                throw rms;
            }
            LOG.error(LogContext.BUSINESS, "provisioning tenant " + tenant.getSlug() + " failed", e);
            throw new ServiceUnavailableException("the tenant could not be provisioned; try again", 5);
        }
    }

    private void discard(Tenant tenant) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + tenant.schema() + " CASCADE");
        } catch (SQLException e) {
            LOG.error(LogContext.BUSINESS, "could not drop the schema of failed tenant " + tenant.getSlug(), e);
        }
        store.remove(tenant.getSlug());
        registry.forget(tenant.getSlug());
    }

    public Page<TenantView> list(PageRequest paging) {
        return new Page<>(store.page(paging.offset(), paging.size()).stream().map(TenantView::of).toList(),
                paging.page(), paging.size(), store.count());
    }

    public TenantView get(String slug) {
        return store.find(slug).map(TenantView::of)
                .orElseThrow(() -> new com.rms.platform.error.NotFoundException("no tenant '" + slug + "'"));
    }

    public TenantView suspend(String slug) {
        return changeStatus(slug, true);
    }

    public TenantView resume(String slug) {
        return changeStatus(slug, false);
    }

    private TenantView changeStatus(String slug, boolean suspend) {
        Tenant tenant = store.change(slug, suspend ? Tenant::suspend : Tenant::resume);
        registry.update(tenant);
        if (tenant.getStatus() != com.rms.tenancy.domain.TenantStatus.UNAVAILABLE) {
            TenantContext.runAs(TenantContext.Tenant.of(slug),
                    () -> audit.record(suspend ? "tenant.suspended" : "tenant.resumed", "tenant:" + slug, null));
        }
        LOG.info(LogContext.AUDIT, "tenant " + slug + (suspend ? " suspended" : " resumed"));
        return TenantView.of(tenant);
    }

    private boolean embeddedH2() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate the tenants", e);
        }
    }

    /** Migrates every tenant schema that is behind, a few at a time; a failure only marks that tenant. */
    public void migrateAll() {
        List<Tenant> all = store.all();
        List<SchemaMigrator.Outcome> outcomes = new SchemaMigrator(dataSource)
                .migrateTenants(all.stream().map(Tenant::schema).toList(), executor, embeddedH2() ? 1 : MIGRATION_PARALLELISM);
        for (int i = 0; i < all.size(); i++) {
            String slug = all.get(i).getSlug();
            SchemaMigrator.Outcome outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                store.change(slug, t -> t.migrated(outcome.version()));
            } else {
                LOG.error(LogContext.BUSINESS, "migrating tenant " + slug + " failed; it is unavailable", outcome.failure());
                String detail = String.valueOf(outcome.failure().getMessage());
                store.change(slug, t -> t.migrationFailed(detail.length() > 450 ? detail.substring(0, 450) : detail));
            }
        }
        registry.reload();
    }
}
