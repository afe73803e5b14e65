package com.rms.menu.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A menu category, ordered; a category may have sub-categories one level deep. */
@Entity
@Table(name = "menu_category")
public class MenuCategory extends BaseEntity {

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active = true;

    protected MenuCategory() {
    }

    public MenuCategory(String name, Long parentId, int sortOrder, boolean active) {
        update(name, parentId, sortOrder, active);
    }

    public final void update(String name, Long parentId, int sortOrder, boolean active) {
        this.name = name;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public Long getParentId() {
        return parentId;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }
}
