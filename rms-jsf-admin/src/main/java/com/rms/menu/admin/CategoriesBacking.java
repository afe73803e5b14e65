package com.rms.menu.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.menu.application.MenuCatalog;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The categories in menu order, sub-categories under their parent; deleting an empty one. */
@Named
@RequestScoped
public class CategoriesBacking {

    @Inject
    MenuCatalog catalog;

    @Inject
    AdminSession session;

    @Inject
    FacesContext faces;

    private List<CategoryTree.Row> rows;
    private Long saved;

    public List<CategoryTree.Row> getRows() {
        if (rows == null) {
            rows = CategoryTree.rows(catalog.categories());
        }
        return rows;
    }

    /** Deletes a category; one that still holds items or sub-categories stays, and the page says why. */
    public void delete(long id) {
        if (!session.isCanEditMenu()) {
            Messages.show(new AuthorizationException("your role may not change the menu"), Map.of());
            return;
        }
        String name = getRows().stream().filter(r -> r.category().id() == id).map(r -> r.category().name())
                .findFirst().orElse("#" + id);
        try {
            catalog.deleteCategory(id);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Category \u201c" + name + "\u201d deleted.", null));
        } catch (ConflictException notEmpty) {
            Messages.error(null, "Category \u201c" + name + "\u201d cannot be deleted: it " + notEmpty.getMessage()
                    .replaceFirst("^category \\d+ ", "") + ".");
        } catch (NotFoundException gone) {
            Messages.show(gone, Map.of());
        }
        rows = null;
    }

    /** The name of the category just saved ({@code ?saved=id}). */
    public String getSavedName() {
        return saved == null ? null : getRows().stream().filter(r -> r.category().id() == saved)
                .map(r -> r.category().name()).findFirst().orElse(null);
    }

    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }
}
