package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.RecipeLineCommand;
import com.rms.inventory.application.RecipeLineView;
import com.rms.inventory.application.Recipes;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.menu.application.MenuViews.ModifierView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe of a menu item ({@code ?item=}) or of one of its modifiers: the lines are edited here
 * and saved as a whole; the service checks each line and the form shows its errors at the line.
 */
@Named
@ViewScoped
public class RecipeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable line; the unit is empty for "the stock item's own unit". */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long stockItemId;
        private BigDecimal quantity;
        private String unit;

        public Long getStockItemId() {
            return stockItemId;
        }

        public void setStockItemId(Long stockItemId) {
            this.stockItemId = stockItemId;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }
    }

    @Inject
    Recipes recipes;

    @Inject
    MenuCatalog menu;

    @Inject
    AdminSession session;

    private Long item;
    private Long modifier;
    private ArrayList<Line> lines = new ArrayList<>();
    private String saved;
    private transient List<ItemView> menuItems;

    public void load() {
        lines = new ArrayList<>();
        saved = null;
        if (item == null) {
            return;
        }
        try {
            List<RecipeLineView> current = modifier == null ? recipes.get(RecipeTarget.ITEM, item)
                    : recipes.get(RecipeTarget.MODIFIER, modifier);
            for (RecipeLineView view : current) {
                Line line = new Line();
                line.stockItemId = view.stockItemId();
                line.quantity = view.quantity();
                line.unit = view.unit();
                lines.add(line);
            }
        } catch (NotFoundException missing) {
            item = null;
            modifier = null;
            Messages.show(missing, Map.of());
        }
    }

    /** A different menu item was chosen: its own recipe, not a modifier's. */
    public void itemChanged() {
        modifier = null;
        load();
    }

    public void addLine() {
        lines.add(new Line());
        saved = null;
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
        saved = null;
    }

    public void save() {
        saved = null;
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change recipes"), Map.of());
            return;
        }
        List<RecipeLineCommand> commands = lines.stream().map(l -> new RecipeLineCommand(l.stockItemId, l.quantity,
                l.unit == null || l.unit.isBlank() ? null : l.unit)).toList();
        try {
            if (modifier == null) {
                recipes.replace(RecipeTarget.ITEM, item, commands);
            } else {
                recipes.replace(RecipeTarget.MODIFIER, modifier, commands);
            }
            load();
            saved = "Recipe of " + getTargetName() + " saved (" + lines.size() + (lines.size() == 1 ? " line)." : " lines).");
        } catch (ValidationException invalid) {
            Messages.show(invalid, fields());
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
    }

    /** The service names a line's fields {@code [i].field}; the form's inputs are rows of a table. */
    private Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String field : List.of("stockItemId", "quantity", "unit")) {
                fields.put("[" + i + "]." + field, "recipeForm:lines:" + i + ":" + field);
            }
        }
        return fields;
    }

    public List<ItemView> getMenuItems() {
        if (menuItems == null) {
            menuItems = menu.items(null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return menuItems;
    }

    /** The modifiers of the chosen menu item, across its groups. */
    public List<ModifierView> getModifiers() {
        return selectedItem() == null ? List.of()
                : selectedItem().modifierGroups().stream().flatMap(g -> g.modifiers().stream()).toList();
    }

    private ItemView selectedItem() {
        return item == null ? null : getMenuItems().stream().filter(i -> i.id() == item).findFirst().orElse(null);
    }

    public String getTargetName() {
        ItemView chosen = selectedItem();
        if (chosen == null) {
            return "";
        }
        return modifier == null ? chosen.name() : chosen.name() + " · " + getModifiers().stream()
                .filter(m -> m.id() == modifier).map(ModifierView::name).findFirst().orElse("");
    }

    public List<String> getUnits() {
        return StockItemFormBacking.UNITS;
    }

    public String getSaved() {
        return saved;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getItem() {
        return item;
    }

    public void setItem(Long item) {
        this.item = item;
    }

    public Long getModifier() {
        return modifier;
    }

    public void setModifier(Long modifier) {
        this.modifier = modifier;
    }
}
