package com.rms.menu.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Something the chain sells: a chain-wide price and tax rate, the kitchen station that makes it,
 * and its modifier groups. Archived items keep their SKU and history but are no longer sold.
 */
@Entity
@Table(name = "menu_item")
public class MenuItem extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "category_id", nullable = false)
    private long categoryId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "tax_rate_id", nullable = false)
    private long taxRateId;

    @Column(nullable = false)
    private String station;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private boolean archived;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "item_id", nullable = false)
    @OrderBy("sortOrder")
    private List<ModifierGroup> modifierGroups = new ArrayList<>();

    protected MenuItem() {
    }

    public MenuItem(String sku) {
        this.sku = sku;
    }

    public void update(String name, String description, long categoryId, BigDecimal price, long taxRateId,
            String station, boolean active) {
        this.name = name;
        this.description = description;
        this.categoryId = categoryId;
        this.price = price;
        this.taxRateId = taxRateId;
        this.station = station;
        this.active = active;
    }

    /** Replaces the modifier groups wholesale (an update sends the item's full state). */
    public void replaceModifierGroups(List<ModifierGroup> groups) {
        modifierGroups.clear();
        modifierGroups.addAll(groups);
    }

    public void archive() {
        archived = true;
        active = false;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public long getCategoryId() {
        return categoryId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public long getTaxRateId() {
        return taxRateId;
    }

    public String getStation() {
        return station;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isArchived() {
        return archived;
    }

    public List<ModifierGroup> getModifierGroups() {
        return List.copyOf(modifierGroups);
    }
}
