package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.CategoryCommand;
import com.rms.menu.application.MenuViews.CategoryView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** Creates a category, or edits one ({@code ?id=}); a parent makes it a sub-category. */
@Named
@ViewScoped
public class CategoryFormBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of(
            "name", "categoryForm:name", "parentId", "categoryForm:parent", "sortOrder", "categoryForm:sortOrder",
            "active", "categoryForm:active");

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    private String name;
    private Long parentId;
    private Integer sortOrder = 0;
    private boolean active = true;
    /** Read from the catalogue when needed, never stored with the view. */
    private transient List<CategoryView> parents;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            CategoryView view = catalog.category(id);
            name = view.name();
            parentId = view.parentId();
            sortOrder = view.sortOrder();
            active = view.active();
        } catch (NotFoundException missing) {
            found = false;
            Messages.error(null, "There is no such category.");
        }
    }

    public String save() {
        if (!session.isCanEditMenu()) {
            Messages.show(new AuthorizationException("your role may not change the menu"), Map.of());
            return null;
        }
        CategoryCommand command = new CategoryCommand(name, parentId, sortOrder, active);
        try {
            CategoryView saved = id == null ? catalog.createCategory(command) : catalog.updateCategory(id, command);
            return "/categories?faces-redirect=true&saved=" + saved.id();
        } catch (ValidationException invalid) {
            Messages.show(invalid, FIELDS);
        } catch (ConflictException conflict) {
            Messages.error("categoryForm:name", conflict.getMessage());
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        return null;
    }

    /** The categories this one may be put under: top-level ones other than itself. */
    public List<CategoryView> getParents() {
        if (parents == null) {
            parents = catalog.categories().stream()
                    .filter(c -> c.parentId() == null && (id == null || c.id() != id)).toList();
        }
        return parents;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
