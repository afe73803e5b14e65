package com.rms.platform.bootstrap;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.application.StaffCommand;
import com.rms.staff.application.StaffDirectory;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.ProvisionTenant;
import com.rms.tenancy.application.TableCommand;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo chain "Demo Bistro" (tenant {@code demo}): two outlets with tables and the accounts
 * documented in the README. Seeded once, when {@code RMS_DEMO} is on (the default on H2).
 */
@ApplicationScoped
public class DemoChain {

    public static final String SLUG = "demo";
    private static final RmsLog LOG = RmsLog.of(DemoChain.class);

    @Inject
    @ConfigProperty(name = "rms.db", defaultValue = "h2")
    String database;

    @Inject
    @ConfigProperty(name = "rms.demo")
    Optional<Boolean> demo;

    @Inject
    TenantService tenants;

    @Inject
    TenantRegistry registry;

    @Inject
    OutletDirectory outlets;

    @Inject
    StaffDirectory staff;

    public void seedIfEnabled() {
        if (!demo.orElse("h2".equals(database)) || registry.find(SLUG).isPresent()) {
            return;
        }
        tenants.provision(new ProvisionTenant(SLUG, "Demo Bistro", "EUR", "Europe/Berlin", null,
                new ProvisionTenant.Owner("owner", "owner-demo", "Olivia Owner")));
        TenantContext.runAs(TenantContext.Tenant.of(SLUG), () -> {
            OutletView mitte = outlets.create(new OutletCommand("Bistro Mitte", "Torstrasse 1, Berlin", "Europe/Berlin", "EUR", true));
            OutletView hafen = outlets.create(new OutletCommand("Bistro Hafen", "Am Kai 7, Hamburg", "Europe/Berlin", "EUR", true));
            for (int i = 1; i <= 8; i++) {
                outlets.createTable(mitte.id(), new TableCommand("T" + i, i <= 4 ? 2 : 4, i <= 6 ? "Inside" : "Terrace", null));
            }
            for (int i = 1; i <= 6; i++) {
                outlets.createTable(hafen.id(), new TableCommand("H" + i, 4, "Inside", null));
            }
            Set<Long> both = Set.of(mitte.id(), hafen.id());
            staff.create(new StaffCommand("manager", "Max Manager", EnumSet.of(Role.MANAGER), both, "2222",
                    "manager-demo", new BigDecimal("24.00"), true));
            staff.create(new StaffCommand("cashier", "Clara Cashier", EnumSet.of(Role.CASHIER, Role.WAITER),
                    Set.of(mitte.id()), "1111", "cashier-demo", new BigDecimal("15.50"), true));
        });
        LOG.info(LogContext.BUSINESS, "demo chain 'demo' seeded");
    }
}
