package com.rms.menu.application;

import com.rms.menu.application.MenuCommands.CategoryCommand;
import com.rms.menu.application.MenuCommands.ItemCommand;
import com.rms.menu.application.MenuCommands.ModifierCommand;
import com.rms.menu.application.MenuCommands.ModifierGroupCommand;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.menu.application.MenuViews.CategoryView;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.menu.domain.MenuCategory;
import com.rms.menu.domain.MenuItem;
import com.rms.menu.domain.Modifier;
import com.rms.menu.domain.ModifierGroup;
import com.rms.menu.domain.TaxRate;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.security.ChainRules;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chain's menu: tax rates, categories and items with their modifiers. Every change bumps the
 * tenant's menu revision in the same transaction, which is what invalidates cached outlet menus.
 * Price changes are written to the audit trail.
 */
@ApplicationScoped
@Transactional
public class MenuCatalog {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    AuditTrail audit;

    @Inject
    OutletMenus outletMenus;

    // ---- tax rates

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaxRateView> taxRates() {
        TenantContext.require();
        return em.createQuery("select t from TaxRate t order by t.name", TaxRate.class).getResultStream()
                .map(TaxRateView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaxRateView taxRate(long id) {
        return TaxRateView.of(find(TaxRate.class, id, "tax rate"));
    }

    /** A new tax rate of the chain: the owner's decision, audited. */
    public TaxRateView createTaxRate(TaxRateCommand command) {
        ChainRules.requireChainOwner("create a tax rate");
        validation.check(command).throwIfAny();
        ensureUnique("select t.id from TaxRate t where t.name = :v", command.name().trim(), null, "a tax rate named");
        TaxRate rate = new TaxRate(command.name().trim(), command.rate(), command.inclusive());
        em.persist(rate);
        em.flush();
        audit.record("tax.rate.created", "tax-rate:" + rate.getId(), describe(rate));
        changed();
        return TaxRateView.of(rate);
    }

    /** Changes a tax rate of the chain: the owner's decision; what changed is audited. */
    public TaxRateView updateTaxRate(long id, TaxRateCommand command) {
        ChainRules.requireChainOwner("change a tax rate");
        TaxRate rate = find(TaxRate.class, id, "tax rate");
        validation.check(command).throwIfAny();
        ensureUnique("select t.id from TaxRate t where t.name = :v", command.name().trim(), id, "a tax rate named");
        String before = describe(rate);
        rate.update(command.name().trim(), command.rate(), command.inclusive());
        String after = describe(rate);
        if (!before.equals(after)) {
            audit.record("tax.rate.changed", "tax-rate:" + id, before + " -> " + after);
        }
        changed();
        return TaxRateView.of(rate);
    }

    private static String describe(TaxRate rate) {
        return rate.getName() + " " + rate.getRate().stripTrailingZeros().toPlainString() + "% "
                + (rate.isInclusive() ? "inclusive" : "exclusive");
    }

    // ---- categories

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CategoryView> categories() {
        TenantContext.require();
        return em.createQuery("select c from MenuCategory c order by c.sortOrder, c.name", MenuCategory.class)
                .getResultStream().map(CategoryView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CategoryView category(long id) {
        return CategoryView.of(find(MenuCategory.class, id, "category"));
    }

    public CategoryView createCategory(CategoryCommand command) {
        validateCategory(command, null);
        MenuCategory category = new MenuCategory(command.name().trim(), command.parentId(),
                command.sortOrder() == null ? 0 : command.sortOrder(), command.active() == null || command.active());
        em.persist(category);
        changed();
        return CategoryView.of(category);
    }

    public CategoryView updateCategory(long id, CategoryCommand command) {
        MenuCategory category = find(MenuCategory.class, id, "category");
        validateCategory(command, category);
        category.update(command.name().trim(), command.parentId(), command.sortOrder() == null ? 0 : command.sortOrder(),
                command.active() == null || command.active());
        changed();
        return CategoryView.of(category);
    }

    /** Removes an empty category; one that still holds items or sub-categories is a conflict. */
    public void deleteCategory(long id) {
        MenuCategory category = find(MenuCategory.class, id, "category");
        long children = em.createQuery("select count(c) from MenuCategory c where c.parentId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        long items = em.createQuery("select count(i) from MenuItem i where i.categoryId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (children > 0 || items > 0) {
            throw new ConflictException("category " + id + " still holds " + children + " sub-categories and "
                    + items + " items (archived items included)");
        }
        em.remove(category);
        changed();
    }

    private void validateCategory(CategoryCommand command, MenuCategory self) {
        Validation.Errors errors = validation.check(command);
        if (command != null && command.parentId() != null) {
            MenuCategory parent = em.find(MenuCategory.class, command.parentId());
            if (parent == null) {
                errors.add("parentId", "no category " + command.parentId());
            } else if (parent.getParentId() != null) {
                errors.add("parentId", "sub-categories go one level deep: the parent must be a top-level category");
            } else if (self != null && Objects.equals(parent.getId(), self.getId())) {
                errors.add("parentId", "a category cannot be its own parent");
            } else if (self != null && em.createQuery("select count(c) from MenuCategory c where c.parentId = :id", Long.class)
                    .setParameter("id", self.getId()).getSingleResult() > 0) {
                errors.add("parentId", "a category with sub-categories cannot become a sub-category");
            }
        }
        errors.throwIfAny();
    }

    // ---- items

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ItemView> items(Long categoryId, PageRequest paging) {
        TenantContext.require();
        String where = " where i.archived = false" + (categoryId == null ? "" : " and i.categoryId = :c");
        var query = em.createQuery("select i from MenuItem i" + where + " order by i.name", MenuItem.class);
        var count = em.createQuery("select count(i) from MenuItem i" + where, Long.class);
        if (categoryId != null) {
            query.setParameter("c", categoryId);
            count.setParameter("c", categoryId);
        }
        List<ItemView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(ItemView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ItemView item(long id) {
        return ItemView.of(liveItem(id));
    }

    public ItemView createItem(ItemCommand command) {
        validateItem(command);
        ensureUnique("select i.id from MenuItem i where i.sku = :v", command.sku(), null, "an item with SKU");
        MenuItem item = new MenuItem(command.sku());
        apply(item, command);
        em.persist(item);
        audit.record("menu.item.created", "item:" + item.getSku(), "price=" + item.getPrice() + " taxRate="
                + item.getTaxRateId() + modifierPrices(item));
        changed();
        return ItemView.of(item);
    }

    public ItemView updateItem(long id, ItemCommand command) {
        MenuItem item = liveItem(id);
        validateItem(command);
        if (!item.getSku().equals(command.sku())) {
            throw new ConflictException("an item's SKU cannot be changed");
        }
        if (item.getPrice().compareTo(command.price()) != 0) {
            audit.record("menu.price.changed", "item:" + item.getSku(), item.getPrice() + " -> " + command.price());
        }
        if (command.taxRateId() != null && item.getTaxRateId() != command.taxRateId()) {
            audit.record("menu.tax.changed", "item:" + item.getSku(), "taxRate=" + item.getTaxRateId() + " -> "
                    + command.taxRateId());
        }
        String modifiersBefore = modifierPrices(item);
        apply(item, command);
        String modifiersAfter = modifierPrices(item);
        if (!modifiersBefore.equals(modifiersAfter)) {
            audit.record("menu.modifier.prices.changed", "item:" + item.getSku(), modifiersBefore.strip() + " -> "
                    + modifiersAfter.strip());
        }
        changed();
        return ItemView.of(item);
    }

    /** Takes an item off the menu for good; it keeps its SKU and stays in history. */
    public void archiveItem(long id) {
        MenuItem item = liveItem(id);
        item.archive();
        changed();
    }

    private MenuItem liveItem(long id) {
        MenuItem item = find(MenuItem.class, id, "menu item");
        if (item.isArchived()) {
            throw new NotFoundException("no menu item " + id);
        }
        return item;
    }

    private void validateItem(ItemCommand command) {
        Validation.Errors errors = validation.check(command);
        if (command != null) {
            if (command.categoryId() != null && em.find(MenuCategory.class, command.categoryId()) == null) {
                errors.add("categoryId", "no category " + command.categoryId());
            }
            if (command.taxRateId() != null && em.find(TaxRate.class, command.taxRateId()) == null) {
                errors.add("taxRateId", "no tax rate " + command.taxRateId());
            }
            List<ModifierGroupCommand> groups = command.groups();
            for (int g = 0; g < groups.size(); g++) {
                ModifierGroupCommand group = groups.get(g);
                if (group == null || group.min() == null || group.max() == null || group.modifiers() == null) {
                    continue;
                }
                String field = "modifierGroups[" + g + "]";
                if (group.max() < group.min()) {
                    errors.add(field + ".max", "must not be less than min");
                }
                if (group.max() > group.modifiers().size()) {
                    errors.add(field + ".max", "must not exceed the number of modifiers (" + group.modifiers().size() + ")");
                }
                for (int m = 0; m < group.modifiers().size(); m++) {
                    ModifierCommand modifier = group.modifiers().get(m);
                    if (modifier != null && modifier.priceDelta() != null && command.price() != null
                            && command.price().add(modifier.priceDelta()).signum() < 0) {
                        errors.add(field + ".modifiers[" + m + "].priceDelta", "must not take the price below zero");
                    }
                }
            }
        }
        errors.throwIfAny();
    }

    private void apply(MenuItem item, ItemCommand command) {
        item.update(command.name().trim(), command.description(), command.categoryId(), command.price(),
                command.taxRateId(), command.station().trim(), command.active() == null || command.active());
        List<ModifierGroup> groups = new ArrayList<>();
        int order = 0;
        for (ModifierGroupCommand group : command.groups()) {
            List<Modifier> modifiers = new ArrayList<>();
            for (int m = 0; m < group.modifiers().size(); m++) {
                ModifierCommand modifier = group.modifiers().get(m);
                modifiers.add(new Modifier(modifier.name().trim(), modifier.priceDelta(), m));
            }
            groups.add(new ModifierGroup(group.name().trim(), group.min(), group.max(), order++, modifiers));
        }
        item.replaceModifierGroups(groups);
    }

    /** The item's modifier prices as one comparable text (empty without modifiers). */
    private static String modifierPrices(MenuItem item) {
        StringBuilder prices = new StringBuilder();
        for (ModifierGroup group : item.getModifierGroups()) {
            for (Modifier modifier : group.getModifiers()) {
                prices.append(' ').append(group.getName()).append('/').append(modifier.getName()).append('=')
                        .append(modifier.getPriceDelta() == null ? "0" : modifier.getPriceDelta().stripTrailingZeros()
                                .toPlainString());
            }
        }
        return prices.toString();
    }

    // ---- shared

    private <T> T find(Class<T> type, long id, String what) {
        TenantContext.require();
        T found = em.find(type, id);
        if (found == null) {
            throw new NotFoundException("no " + what + " " + id);
        }
        return found;
    }

    private void ensureUnique(String jpql, String value, Long self, String what) {
        boolean taken = em.createQuery(jpql, Long.class).setParameter("v", value).getResultStream()
                .anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException(what + " '" + value + "' exists");
        }
    }

    /** Cached outlet menus of this tenant are stale from this transaction's commit on. */
    private void changed() {
        outletMenus.changed();
    }
}
