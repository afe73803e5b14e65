package com.rms.menu.application;

import com.rms.menu.domain.MenuCategory;
import com.rms.menu.domain.MenuItem;
import com.rms.menu.domain.Modifier;
import com.rms.menu.domain.ModifierGroup;
import com.rms.menu.domain.OutletItemOverride;
import com.rms.menu.domain.TaxRate;
import java.math.BigDecimal;
import java.util.List;

/** The menu as the API shows it: records built from the entities inside the transaction. */
public final class MenuViews {

    private MenuViews() {
    }

    /** A tax rate. */
    public record TaxRateView(long id, String name, BigDecimal rate, boolean inclusive) {
        static TaxRateView of(TaxRate t) {
            return new TaxRateView(t.getId(), t.getName(), t.getRate(), t.isInclusive());
        }
    }

    /** A category. */
    public record CategoryView(long id, String name, Long parentId, int sortOrder, boolean active) {
        static CategoryView of(MenuCategory c) {
            return new CategoryView(c.getId(), c.getName(), c.getParentId(), c.getSortOrder(), c.isActive());
        }
    }

    /** One modifier. */
    public record ModifierView(long id, String name, BigDecimal priceDelta) {
        static ModifierView of(Modifier m) {
            return new ModifierView(m.getId(), m.getName(), m.getPriceDelta());
        }
    }

    /** A modifier group with its modifiers. */
    public record ModifierGroupView(long id, String name, int min, int max, List<ModifierView> modifiers) {
        static ModifierGroupView of(ModifierGroup g) {
            return new ModifierGroupView(g.getId(), g.getName(), g.getMinChoices(), g.getMaxChoices(),
                    g.getModifiers().stream().map(ModifierView::of).toList());
        }
    }

    /** A menu item with its modifier groups. */
    public record ItemView(long id, String sku, String name, String description, long categoryId, BigDecimal price,
            long taxRateId, String station, boolean active, List<ModifierGroupView> modifierGroups, long version) {
        static ItemView of(MenuItem i) {
            return new ItemView(i.getId(), i.getSku(), i.getName(), i.getDescription(), i.getCategoryId(), i.getPrice(),
                    i.getTaxRateId(), i.getStation(), i.isActive(),
                    i.getModifierGroups().stream().map(ModifierGroupView::of).toList(), i.getVersion());
        }
    }

    /** An outlet's override of one item: its own price (null inherits the chain's) and availability. */
    public record OverrideView(long outletId, long itemId, BigDecimal price, boolean available) {
        static OverrideView of(OutletItemOverride o) {
            return new OverrideView(o.getOutletId(), o.getItemId(), o.getPrice(), o.isAvailable());
        }
    }
}
