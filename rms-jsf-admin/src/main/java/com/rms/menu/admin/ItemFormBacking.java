package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.ItemCommand;
import com.rms.menu.application.MenuCommands.ModifierCommand;
import com.rms.menu.application.MenuCommands.ModifierGroupCommand;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.menu.application.MenuViews.ModifierGroupView;
import com.rms.menu.application.MenuViews.ModifierView;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a menu item, or edits one ({@code ?id=}), with its modifier groups edited in place. The
 * catalogue validates the whole item; its field names, nested ones included
 * ({@code modifierGroups[0].modifiers[1].priceDelta}), are mapped to the inputs of that row.
 */
@Named
@ViewScoped
public class ItemFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "itemForm:";
    private static final Map<String, String> FIELDS = Map.of(
            "sku", FORM + "sku", "name", FORM + "name", "description", FORM + "description",
            "categoryId", FORM + "category", "price", FORM + "price", "taxRateId", FORM + "taxRate",
            "station", FORM + "station", "active", FORM + "active", "modifierGroups", FORM + "addGroup");
    private static final Map<String, String> GROUP_FIELDS = Map.of(
            "name", "groupName", "min", "min", "max", "max", "modifiers", "addModifier");
    private static final Map<String, String> MODIFIER_FIELDS = Map.of("name", "modifierName", "priceDelta", "priceDelta");
    private static final Pattern GROUP_FIELD = Pattern.compile("modifierGroups\\[(\\d+)]\\.(\\w+)");
    private static final Pattern MODIFIER_FIELD =
            Pattern.compile("modifierGroups\\[(\\d+)]\\.modifiers\\[(\\d+)]\\.(\\w+)");

    /** A modifier as edited on the form. */
    public static class ModifierRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private BigDecimal priceDelta = BigDecimal.ZERO;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getPriceDelta() {
            return priceDelta;
        }

        public void setPriceDelta(BigDecimal priceDelta) {
            this.priceDelta = priceDelta;
        }
    }

    /** A modifier group as edited on the form. */
    public static class GroupRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private Integer min = 0;
        private Integer max = 1;
        private final List<ModifierRow> modifiers = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getMin() {
            return min;
        }

        public void setMin(Integer min) {
            this.min = min;
        }

        public Integer getMax() {
            return max;
        }

        public void setMax(Integer max) {
            this.max = max;
        }

        public List<ModifierRow> getModifiers() {
            return modifiers;
        }
    }

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    private String sku;
    private String name;
    private String description;
    private Long categoryId;
    private BigDecimal price;
    private Long taxRateId;
    private String station;
    private boolean active = true;
    private final List<GroupRow> groups = new ArrayList<>();
    /** Choices read from the catalogue when needed, never stored with the view. */
    private transient List<CategoryTree.Row> categories;
    private transient List<TaxRateView> taxRates;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            ItemView item = catalog.item(id);
            sku = item.sku();
            name = item.name();
            description = item.description();
            categoryId = item.categoryId();
            price = item.price();
            taxRateId = item.taxRateId();
            station = item.station();
            active = item.active();
            groups.clear();
            for (ModifierGroupView group : item.modifierGroups()) {
                GroupRow row = new GroupRow();
                row.setName(group.name());
                row.setMin(group.min());
                row.setMax(group.max());
                for (ModifierView modifier : group.modifiers()) {
                    ModifierRow m = new ModifierRow();
                    m.setName(modifier.name());
                    m.setPriceDelta(modifier.priceDelta());
                    row.getModifiers().add(m);
                }
                groups.add(row);
            }
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such menu item (it may have been archived).");
        }
    }

    public String save() {
        if (!session.isCanEditMenu()) {
            Messages.show(new AuthorizationException("your role may not change the menu"), Map.of());
            return null;
        }
        List<ModifierGroupCommand> groupCommands = groups.stream().map(g -> new ModifierGroupCommand(g.getName(),
                g.getMin(), g.getMax(), g.getModifiers().stream()
                        .map(m -> new ModifierCommand(m.getName(), m.getPriceDelta())).toList())).toList();
        ItemCommand command = new ItemCommand(trimmed(sku), name, trimmed(description), categoryId, price, taxRateId,
                station, active, groupCommands);
        try {
            ItemView saved = id == null ? catalog.createItem(command) : catalog.updateItem(id, command);
            return "/items?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, this::clientId);
        } catch (ConflictException conflict) {
            Messages.error(FORM + "sku", conflict.getMessage());
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        return null;
    }

    /** The input showing the service's {@code field}, or null when this form has none for it. */
    String clientId(String field) {
        String plain = FIELDS.get(field);
        if (plain != null) {
            return plain;
        }
        Matcher modifier = MODIFIER_FIELD.matcher(field);
        if (modifier.matches()) {
            int g = Integer.parseInt(modifier.group(1));
            int m = Integer.parseInt(modifier.group(2));
            String input = MODIFIER_FIELDS.get(modifier.group(3));
            return input == null || g >= groups.size() || m >= groups.get(g).getModifiers().size() ? null
                    : FORM + "groups:" + g + ":modifiers:" + m + ":" + input;
        }
        Matcher group = GROUP_FIELD.matcher(field);
        if (group.matches()) {
            int g = Integer.parseInt(group.group(1));
            String input = GROUP_FIELDS.get(group.group(2));
            return input == null || g >= groups.size() ? null : FORM + "groups:" + g + ":" + input;
        }
        return null;
    }

    public void addGroup() {
        GroupRow group = new GroupRow();
        group.getModifiers().add(new ModifierRow());
        groups.add(group);
    }

    public void removeGroup(int index) {
        groups.remove(index);
    }

    public void addModifier(int group) {
        groups.get(group).getModifiers().add(new ModifierRow());
    }

    public void removeModifier(int group, int index) {
        groups.get(group).getModifiers().remove(index);
    }

    public List<CategoryTree.Row> getCategories() {
        if (categories == null) {
            categories = CategoryTree.rows(catalog.categories());
        }
        return categories;
    }

    public List<TaxRateView> getTaxRates() {
        if (taxRates == null) {
            taxRates = catalog.taxRates();
        }
        return taxRates;
    }

    public List<GroupRow> getGroups() {
        return groups;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Long getTaxRateId() {
        return taxRateId;
    }

    public void setTaxRateId(Long taxRateId) {
        this.taxRateId = taxRateId;
    }

    public String getStation() {
        return station;
    }

    public void setStation(String station) {
        this.station = station;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
