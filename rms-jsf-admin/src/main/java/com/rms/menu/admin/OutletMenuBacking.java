package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.OverrideCommand;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.menu.application.MenuViews.OverrideView;
import com.rms.menu.application.OutletMenus;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain's items as one outlet sells them ({@code ?outlet=}, else the outlet chosen in the
 * switcher, else the first): the chain price, the outlet's own price (empty inherits the chain's)
 * and whether it sells the item. Saving writes an override for each row that was changed.
 */
@Named
@ViewScoped
public class OutletMenuBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One item at this outlet as edited on the page; the stored values tell what was changed. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long itemId;
        private final String sku;
        private final String name;
        private final String category;
        private final BigDecimal chainPrice;
        private BigDecimal storedPrice;
        private boolean storedAvailable;
        private BigDecimal price;
        private boolean available;

        Row(ItemView item, String category, OverrideView override) {
            this.itemId = item.id();
            this.sku = item.sku();
            this.name = item.name();
            this.category = category;
            this.chainPrice = item.price();
            this.storedPrice = override == null ? null : override.price();
            this.storedAvailable = override == null || override.available();
            this.price = storedPrice;
            this.available = storedAvailable;
        }

        boolean isChanged() {
            return available != storedAvailable
                    || (price == null ? storedPrice != null : storedPrice == null || price.compareTo(storedPrice) != 0);
        }

        void stored() {
            storedPrice = price;
            storedAvailable = available;
        }

        public long getItemId() {
            return itemId;
        }

        public String getSku() {
            return sku;
        }

        public String getName() {
            return name;
        }

        public String getCategory() {
            return category;
        }

        public BigDecimal getChainPrice() {
            return chainPrice;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        public boolean isAvailable() {
            return available;
        }

        public void setAvailable(boolean available) {
            this.available = available;
        }
    }

    @Inject
    OutletDirectory outlets;

    @Inject
    OutletMenus menus;

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    private Long outlet;
    private String outletName;
    private List<Row> rows = List.of();

    public void load() {
        Long wanted = outlet != null ? outlet : session.getCurrentOutletId();
        OutletView current;
        try {
            current = wanted != null ? outlets.get(wanted)
                    : outlets.list(PageRequest.of(0, 1)).items().stream().findFirst().orElse(null);
        } catch (NotFoundException missing) {
            Messages.error(null, "There is no such outlet.");
            current = null;
        }
        if (current == null) {
            outlet = null;
            outletName = null;
            rows = List.of();
            return;
        }
        outlet = current.id();
        outletName = current.name();
        session.setCurrentOutletId(current.id());
        Map<Long, String> categories = CategoryTree.rows(catalog.categories()).stream()
                .collect(Collectors.toMap(r -> r.category().id(), CategoryTree.Row::label));
        Map<Long, OverrideView> overrides = menus.overrides(current.id()).stream()
                .collect(Collectors.toMap(OverrideView::itemId, Function.identity()));
        List<Row> loaded = new ArrayList<>();
        for (ItemView item : ItemsBacking.allItems(catalog, null)) {
            loaded.add(new Row(item, categories.getOrDefault(item.categoryId(), ""), overrides.get(item.id())));
        }
        rows = loaded;
    }

    /** Saves the rows that were changed, each on its own; a refused one keeps its message and its input. */
    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!session.isCanEditMenu()) {
            Messages.show(new AuthorizationException("your role may not change the menu"), Map.of());
            return;
        }
        int saved = 0;
        boolean refused = false;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.isChanged()) {
                continue;
            }
            String prefix = "overridesForm:items:" + i + ":";
            try {
                menus.override(outlet, row.getItemId(), new OverrideCommand(row.getPrice(), row.isAvailable()));
                row.stored();
                saved++;
            } catch (ValidationException invalid) {
                refused = true;
                Messages.show(invalid, field -> "price".equals(field) ? prefix + "price"
                        : "available".equals(field) ? prefix + "available" : null);
            } catch (NotFoundException gone) {
                refused = true;
                Messages.error(null, row.getName() + ": " + gone.getMessage());
            }
        }
        if (saved > 0 || !refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, saved == 0 ? "Nothing was changed."
                    : saved == 1 ? "1 change saved for " + outletName + "." : saved + " changes saved for " + outletName + ".", null));
        }
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }

    public String getOutletName() {
        return outletName;
    }

    public List<Row> getRows() {
        return rows;
    }
}
