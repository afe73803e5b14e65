package arq.support;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.Customers;
import com.rms.inventory.application.AdjustmentCommand;
import com.rms.inventory.application.RecipeLineCommand;
import com.rms.inventory.application.Recipes;
import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockItemCommand;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.CategoryCommand;
import com.rms.menu.application.MenuCommands.ItemCommand;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.pos.application.CashDrawer;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.ProvisionTenant;
import com.rms.tenancy.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Opens shops through the real services, as an operator and an owner would: a tenant provisioned
 * (schema, migrations, owner), an outlet with its cash drawer open, a burger at 10.00 (19 % VAT
 * inclusive) whose recipe is one patty, a number of patties counted in, and a loyalty customer.
 */
@ApplicationScoped
public class Shops {

    @Inject
    TenantService tenants;

    @Inject
    OutletDirectory outlets;

    @Inject
    MenuCatalog menu;

    @Inject
    StockCatalog stockItems;

    @Inject
    Recipes recipes;

    @Inject
    StockControl stock;

    @Inject
    Customers customers;

    @Inject
    CashDrawer drawer;

    /** A shop: its tenant, outlet, burger, patty stock item and customer. */
    public record Shop(String slug, long outlet, long burger, long patty, long customer) {

        public TenantContext.Tenant tenant() {
            return TenantContext.Tenant.of(slug);
        }

        public Rows rows() {
            return new Rows(slug);
        }

        /** The shop's owner, chain-wide in its tenant. */
        public Caller owner() {
            return new Caller("owner", slug, Set.of(Role.OWNER), Set.of());
        }

        /** Runs {@code work} as the owner in this shop's tenant, on this thread. */
        public <T> T call(Supplier<T> work) {
            return TenantContext.callAs(tenant(), () -> {
                CallerContext.set(owner());
                try {
                    return work.get();
                } finally {
                    CallerContext.clear();
                }
            });
        }

        public void run(Runnable work) {
            call(() -> {
                work.run();
                return null;
            });
        }
    }

    /** A new tenant (slug {@code prefix_xxxxxxxx}) with one trading outlet and {@code patties} patties in stock. */
    public Shop open(String prefix, int patties) {
        String slug = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        tenants.provision(new ProvisionTenant(slug, "Arq " + slug, "EUR", "Europe/Berlin", null,
                new ProvisionTenant.Owner("owner", "owner-password-" + slug, "Olga Owner")));
        Shop provisioned = new Shop(slug, 0, 0, 0, 0);
        return provisioned.call(() -> {
            long outlet = outlets.create(new OutletCommand("Arq Diner", "Test Street 1", null, "Europe/Berlin", "EUR",
                    true)).id();
            long vat = menu.createTaxRate(new TaxRateCommand("VAT 19", new BigDecimal("19"), true)).id();
            long mains = menu.createCategory(new CategoryCommand("Mains", null, 1, true)).id();
            long burger = menu.createItem(new ItemCommand("BURGER", "Burger", null, mains, new BigDecimal("10.00"), vat,
                    "GRILL", true, List.of())).id();
            long patty = stockItems.create(new StockItemCommand("PATTY", "Beef patty", "each", BigDecimal.ONE,
                    new BigDecimal("2.00"), false, true)).id();
            recipes.replace(RecipeTarget.ITEM, burger, List.of(new RecipeLineCommand(patty, BigDecimal.ONE, null)));
            stock.adjust(outlet, new AdjustmentCommand(patty, null, new BigDecimal(patties), "COUNT", "opening stock"));
            long customer = customers.findOrCreate(new CustomerCommand("Carla Customer", "+4915100000001", null))
                    .customer().id();
            drawer.open(outlet, new BigDecimal("100.00"));
            return new Shop(slug, outlet, burger, patty, customer);
        });
    }
}
