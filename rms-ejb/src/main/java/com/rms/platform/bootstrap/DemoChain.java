package com.rms.platform.bootstrap;

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
import com.rms.menu.application.MenuCommands.ModifierCommand;
import com.rms.menu.application.MenuCommands.ModifierGroupCommand;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.menu.application.MenuViews.ItemView;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo chain "Demo Bistro" (tenant {@code demo}): two outlets with tables, the accounts
 * documented in the README, and a small menu whose dishes have recipes and stock. Seeded once, when {@code RMS_DEMO} is on (the default on H2).
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

    @Inject
    MenuCatalog menu;

    @Inject
    StockCatalog stockItems;

    @Inject
    Recipes recipes;

    @Inject
    StockControl stock;

    public void seedIfEnabled() {
        if (!demo.orElse("h2".equals(database)) || registry.find(SLUG).isPresent()) {
            return;
        }
        tenants.provision(new ProvisionTenant(SLUG, "Demo Bistro", "EUR", "Europe/Berlin", null,
                new ProvisionTenant.Owner("owner", "owner-demo", "Olivia Owner")));
        TenantContext.runAs(TenantContext.Tenant.of(SLUG), () -> {
            // one company, one VAT identification number on both outlets' receipts
            OutletView mitte = outlets.create(new OutletCommand("Bistro Mitte", "Torstrasse 1, Berlin", "DE123456789",
                    "Europe/Berlin", "EUR", true));
            OutletView hafen = outlets.create(new OutletCommand("Bistro Hafen", "Am Kai 7, Hamburg", "DE123456789",
                    "Europe/Berlin", "EUR", true));
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
            staff.create(new StaffCommand("operator", "Otto Operator", EnumSet.of(Role.BATCH_OPERATOR), Set.of(), null,
                    "operator-demo", null, true));
            seedMenuAndStock(List.of(mitte.id(), hafen.id()));
        });
        LOG.info(LogContext.BUSINESS, "demo chain 'demo' seeded");
    }

    /** A small menu whose dishes have recipes, and stock of their ingredients at both outlets. */
    private void seedMenuAndStock(List<Long> outletIds) {
        long food = menu.createTaxRate(new TaxRateCommand("VAT 7 % (food)", new BigDecimal("7"), true)).id();
        long drinks = menu.createTaxRate(new TaxRateCommand("VAT 19 % (drinks)", new BigDecimal("19"), true)).id();
        long mains = menu.createCategory(new CategoryCommand("Mains", null, 1, true)).id();
        long beverages = menu.createCategory(new CategoryCommand("Drinks", null, 2, true)).id();

        ItemView burger = menu.createItem(new ItemCommand("BURGER", "Bistro Burger", "Beef patty, brioche bun, salad",
                mains, new BigDecimal("12.50"), food, "GRILL", true, List.of(new ModifierGroupCommand("Extras", 0, 2,
                        List.of(new ModifierCommand("Cheese", new BigDecimal("1.00")),
                                new ModifierCommand("Bacon", new BigDecimal("1.50")))))));
        ItemView salad = menu.createItem(new ItemCommand("SALAD", "Caesar Salad", "Romaine, parmesan, croutons", mains,
                new BigDecimal("9.80"), food, "KITCHEN", true, List.of()));
        ItemView lemonade = menu.createItem(new ItemCommand("LEMONADE", "House Lemonade", "0.4 l", beverages,
                new BigDecimal("3.90"), drinks, "BAR", true, List.of()));
        menu.createItem(new ItemCommand("ESPRESSO", "Espresso", null, beverages, new BigDecimal("2.40"), drinks, "BAR",
                true, List.of()));

        long patty = stockItem("PATTY", "Beef patty", "each", "20", "1.80");
        long bun = stockItem("BUN", "Brioche bun", "each", "20", "0.45");
        long cheese = stockItem("CHEESE", "Cheddar", "kg", "0.5", "9.00");
        long bacon = stockItem("BACON", "Bacon", "kg", "0.5", "12.00");
        long lettuce = stockItem("LETTUCE", "Romaine lettuce", "kg", "1", "3.20");
        long lemon = stockItem("LEMONJUICE", "Lemon juice", "l", "1", "4.00");

        recipes.replace(RecipeTarget.ITEM, burger.id(), List.of(line(patty, "1", null), line(bun, "1", null),
                line(lettuce, "20", "g")));
        recipes.replace(RecipeTarget.MODIFIER, burger.modifierGroups().get(0).modifiers().get(0).id(),
                List.of(line(cheese, "25", "g")));
        recipes.replace(RecipeTarget.MODIFIER, burger.modifierGroups().get(0).modifiers().get(1).id(),
                List.of(line(bacon, "30", "g")));
        recipes.replace(RecipeTarget.ITEM, salad.id(), List.of(line(lettuce, "150", "g"), line(cheese, "20", "g")));
        recipes.replace(RecipeTarget.ITEM, lemonade.id(), List.of(line(lemon, "60", "ml")));

        Map<Long, String> counted = Map.of(patty, "60", bun, "60", cheese, "3", bacon, "2", lettuce, "8", lemon, "5");
        for (long outletId : outletIds) {
            counted.forEach((item, quantity) -> stock.adjust(outletId,
                    new AdjustmentCommand(item, null, new BigDecimal(quantity), "COUNT", "opening stock")));
        }
    }

    private long stockItem(String sku, String name, String unit, String reorderLevel, String unitCost) {
        return stockItems.create(new StockItemCommand(sku, name, unit, new BigDecimal(reorderLevel),
                new BigDecimal(unitCost), false, true)).id();
    }

    private static RecipeLineCommand line(long stockItemId, String quantity, String unit) {
        return new RecipeLineCommand(stockItemId, new BigDecimal(quantity), unit);
    }
}
