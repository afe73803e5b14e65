package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockItemCommand;
import com.rms.inventory.application.StockItemView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Creates a stock item, or edits one ({@code ?id=}); its SKU and unit are fixed once created. */
@Named
@ViewScoped
public class StockItemFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    /** The unit codes the services accept, in the order a cook thinks of them. */
    static final List<String> UNITS = List.of("g", "kg", "ml", "l", "each");

    private static final Map<String, String> FIELDS = Map.of(
            "sku", "itemForm:sku", "name", "itemForm:name", "unit", "itemForm:unit",
            "reorderLevel", "itemForm:reorderLevel", "unitCost", "itemForm:unitCost",
            "allowNegative", "itemForm:allowNegative", "active", "itemForm:active");

    @Inject
    StockCatalog catalog;

    @Inject
    AdminSession session;

    private String sku;
    private String name;
    private String unit = "kg";
    private BigDecimal reorderLevel = BigDecimal.ZERO;
    private BigDecimal unitCost = BigDecimal.ZERO;
    private boolean allowNegative;
    private boolean active = true;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            StockItemView item = catalog.get(id);
            sku = item.sku();
            name = item.name();
            unit = item.unit();
            reorderLevel = item.reorderLevel();
            unitCost = item.unitCost();
            allowNegative = item.allowNegative();
            active = item.active();
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such stock item.");
        }
    }

    public String save() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change stock items"), Map.of());
            return null;
        }
        StockItemCommand command = new StockItemCommand(trimmed(sku), trimmed(name), unit, reorderLevel, unitCost,
                allowNegative, active);
        try {
            StockItemView saved = id == null ? catalog.create(command) : catalog.update(id, command);
            return "/stock-items?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException taken) {
            Messages.error("itemForm:sku", taken.getMessage());
        } catch (BusinessRuleException | NotFoundException refused) {
            Messages.show(refused, FIELDS);
        }
        return null;
    }

    public List<String> getUnits() {
        return UNITS;
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

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public BigDecimal getReorderLevel() {
        return reorderLevel;
    }

    public void setReorderLevel(BigDecimal reorderLevel) {
        this.reorderLevel = reorderLevel;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public boolean isAllowNegative() {
        return allowNegative;
    }

    public void setAllowNegative(boolean allowNegative) {
        this.allowNegative = allowNegative;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
