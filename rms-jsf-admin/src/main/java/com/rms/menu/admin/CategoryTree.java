package com.rms.menu.admin;

import com.rms.menu.application.MenuViews.CategoryView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The categories as the back office lists them: each top-level category in its sort order,
 * followed by its sub-categories (one level deep, as the catalogue allows).
 */
final class CategoryTree {

    /** A category in list order, with the name of its parent when it is a sub-category. */
    public record Row(CategoryView category, String parentName) {

        public boolean isSub() {
            return category.parentId() != null;
        }

        /** "Drinks › Beer" for a sub-category, the name alone for a top-level one. */
        public String label() {
            return parentName == null ? category.name() : parentName + " \u203a " + category.name();
        }
    }

    private CategoryTree() {
    }

    /** Orders {@code categories} (already sorted by sort order and name) parent first, children under it. */
    static List<Row> rows(List<CategoryView> categories) {
        Map<Long, CategoryView> byId = categories.stream()
                .collect(Collectors.toMap(CategoryView::id, Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (CategoryView top : categories) {
            if (top.parentId() != null && byId.containsKey(top.parentId())) {
                continue;
            }
            rows.add(new Row(top, null));
            for (CategoryView child : categories) {
                if (child.parentId() != null && child.parentId() == top.id()) {
                    rows.add(new Row(child, top.name()));
                }
            }
        }
        return rows;
    }
}
