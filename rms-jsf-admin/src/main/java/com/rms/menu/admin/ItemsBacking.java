package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.Pages;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The live (not archived) menu items, optionally of one category ({@code ?category=}); archiving one. */
@Named
@ViewScoped
public class ItemsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    private Long category;
    private Long saved;
    /** Read from the catalogue, never stored with the view: reloaded whenever they are missing. */
    private transient List<ItemView> items;
    private transient List<CategoryTree.Row> categories;
    private transient Map<Long, String> taxNames;

    /** Every live item of the filter, read page by page (a menu may outgrow one page). */
    static List<ItemView> allItems(MenuCatalog catalog, Long category) {
        return Pages.all(paging -> catalog.items(category, paging));
    }

    /** The category filter changed. */
    public void filter() {
        items = null;
    }

    public void archive(long id) {
        if (!session.isCanEditMenu()) {
            Messages.show(new AuthorizationException("your role may not change the menu"), Map.of());
            return;
        }
        String name = getItems().stream().filter(i -> i.id() == id).map(ItemView::name).findFirst().orElse("#" + id);
        try {
            catalog.archiveItem(id);
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, "Item \u201c" + name + "\u201d archived.", null));
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        items = null;
    }

    public List<ItemView> getItems() {
        if (items == null) {
            items = allItems(catalog, category);
        }
        return items;
    }

    public List<CategoryTree.Row> getCategories() {
        if (categories == null) {
            categories = CategoryTree.rows(catalog.categories());
        }
        return categories;
    }

    /** "Drinks › Beer" for the item list's category column. */
    public String categoryLabel(long id) {
        return getCategories().stream().filter(r -> r.category().id() == id).map(CategoryTree.Row::label)
                .findFirst().orElse("#" + id);
    }

    public String taxName(long id) {
        if (taxNames == null) {
            taxNames = catalog.taxRates().stream().collect(Collectors.toMap(TaxRateView::id, TaxRateView::name));
        }
        return taxNames.getOrDefault(id, "#" + id);
    }

    /** The name of the item just saved ({@code ?saved=id}). */
    public String getSavedName() {
        if (saved == null) {
            return null;
        }
        try {
            return catalog.item(saved).name();
        } catch (NotFoundException archivedSince) {
            return null;
        }
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }
}
