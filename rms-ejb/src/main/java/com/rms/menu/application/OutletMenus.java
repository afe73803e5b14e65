package com.rms.menu.application;

import com.rms.menu.application.MenuCommands.OverrideCommand;
import com.rms.menu.application.MenuViews.OverrideView;
import com.rms.menu.domain.MenuCategory;
import com.rms.menu.domain.MenuItem;
import com.rms.menu.domain.Modifier;
import com.rms.menu.domain.ModifierGroup;
import com.rms.menu.domain.OutletItemOverride;
import com.rms.menu.domain.TaxRate;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.events.RmsEvent;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The menu as an outlet sells it: the chain's menu with the outlet's price and availability
 * overrides (everything not overridden is inherited). Rendered menus are cached per tenant and
 * outlet ({@link MenuCache}) with the bytes and entity tag a GET answers with. A read of the menu
 * trusts the last check of the tenant's menu revision and the outlet's version for up to a second
 * (a change committed on another server is served within it; one committed on this server at once),
 * so a busy menu costs no database round trip per request. Pricing an order ({@link #sellable})
 * always checks against the database in the order's own transaction, so an order is never priced
 * from a menu another server already changed.
 */
@ApplicationScoped
public class OutletMenus {

    /** How long a check of the revision is trusted by menu reads; a second at most. */
    static final long CHECK_MAX_AGE_NANOS = 1_000_000_000L;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    OutletDirectory outlets;

    @Inject
    Validation validation;

    @Inject
    Event<MenuChanged> changes;

    /** A rendered menu, its UTF-8 bytes as served, and the entity tag that identifies this state of it. */
    public record SoldMenu(String etag, String json, byte[] body) {

        public SoldMenu(String etag, String json) {
            this(etag, json, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The tenant's menu changed in the transaction that fired this; cached menus are stale once it commits. */
    record MenuChanged(String tenant) {}

    private final MenuCache cache = new MenuCache(CHECK_MAX_AGE_NANOS, System::nanoTime);

    /**
     * The outlet's menu as served to reads: from the cache while its last check is less than a
     * second old, otherwise checked (and rendered when changed). No transaction of its own: a hit
     * touches neither the database nor the transaction manager.
     */
    public SoldMenu menu(long outletId) {
        String tenant = TenantContext.require().slug();
        requireAccess(outletId);
        MenuCache.Entry entry = cache.fresh(tenant, outletId);
        return (entry != null ? entry : current(tenant, outletId)).menu();
    }

    /** The same menu as {@link #menu} for pricing and validating orders: the items the outlet sells, by id. */
    public SellableMenu sellable(long outletId) {
        String tenant = TenantContext.require().slug();
        requireAccess(outletId);
        return current(tenant, outletId).sellable();
    }

    private static void requireAccess(long outletId) {
        if (!CallerContext.current().mayAccessOutlet(outletId)) {
            throw new NotFoundException("no outlet " + outletId);
        }
    }

    /** Checks the cached menu against the database (one round trip) and renders it when it changed. */
    private MenuCache.Entry current(String tenant, long outletId) {
        long epoch = cache.epoch(tenant);
        List<?> rows = em.createNativeQuery("select o.version, o.currency, r.revision from outlet o, menu_revision r "
                + "where o.id = ?1 and r.id = 1").setParameter(1, outletId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("no outlet " + outletId);
        }
        Object[] row = (Object[]) rows.get(0);
        long outletVersion = ((Number) row[0]).longValue();
        String currency = (String) row[1];
        long revision = ((Number) row[2]).longValue();
        MenuCache.Entry confirmed = cache.confirmed(tenant, outletId, revision, outletVersion, epoch);
        if (confirmed != null) {
            return confirmed;
        }
        Map<Long, SellableMenu.Item> sellable = new HashMap<>();
        SoldMenu menu = new SoldMenu("\"m" + revision + "-o" + outletId + "-v" + outletVersion + "\"",
                render(outletId, currency, revision, sellable));
        return cache.store(tenant, outletId, revision, outletVersion, menu,
                new SellableMenu(outletId, currency, Map.copyOf(sellable)), epoch);
    }

    /**
     * Bumps the tenant's menu revision in the caller's transaction: every server's cached menus of the
     * tenant are stale from its commit on (this server's at once, the others' within a second).
     */
    public void changed() {
        MenuRevision.bump(em);
        changes.fire(new MenuChanged(TenantContext.require().slug()));
    }

    void onMenuChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MenuChanged change) {
        cache.invalidate(change.tenant());
    }

    /** An outlet's version is part of its menu's state (its currency); a change here is seen at once. */
    void onOutletChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RmsEvent event) {
        if ("outlet.updated".equals(event.type())) {
            cache.invalidate(event.tenant());
        }
    }

    /** The outlet's overrides, one per item it prices or sells differently from the chain. */
    public List<OverrideView> overrides(long outletId) {
        outlets.get(outletId);
        return em.createQuery("select o from OutletItemOverride o where o.outletId = :o order by o.itemId",
                OutletItemOverride.class).setParameter("o", outletId).getResultStream().map(OverrideView::of).toList();
    }

    /** Sets the outlet's own price and availability of an item. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void override(long outletId, long itemId, OverrideCommand command) {
        outlets.get(outletId);
        MenuItem item = em.find(MenuItem.class, itemId);
        if (item == null || item.isArchived()) {
            throw new NotFoundException("no menu item " + itemId);
        }
        validation.check(command).throwIfAny();
        OutletItemOverride override = em.find(OutletItemOverride.class, new OutletItemOverride.Key(outletId, itemId));
        BigDecimal before = override == null ? null : override.getPrice();
        if (!Objects.equals(before == null ? null : before.stripTrailingZeros(),
                command.price() == null ? null : command.price().stripTrailingZeros())) {
            audit.record("menu.outlet.price.changed", "item:" + item.getSku() + "@outlet:" + outletId,
                    (before == null ? "chain price" : before.toPlainString()) + " -> "
                            + (command.price() == null ? "chain price" : command.price().toPlainString()));
        }
        if (override == null) {
            override = new OutletItemOverride(outletId, itemId);
            override.set(command.price(), command.available());
            em.persist(override);
        } else {
            override.set(command.price(), command.available());
        }
        changed();
    }

    private String render(long outletId, String currency, long revision, Map<Long, SellableMenu.Item> sellable) {
        List<MenuCategory> categories = em.createQuery(
                "select c from MenuCategory c where c.active = true order by c.sortOrder, c.name", MenuCategory.class)
                .getResultList();
        Map<Long, List<MenuItem>> itemsByCategory = em.createQuery(
                "select i from MenuItem i where i.active = true and i.archived = false order by i.name", MenuItem.class)
                .getResultStream().collect(Collectors.groupingBy(MenuItem::getCategoryId));
        Map<Long, TaxRate> taxes = em.createQuery("select t from TaxRate t", TaxRate.class).getResultStream()
                .collect(Collectors.toMap(TaxRate::getId, Function.identity()));
        Map<Long, OutletItemOverride> overrides = em.createQuery(
                "select o from OutletItemOverride o where o.outletId = :o", OutletItemOverride.class)
                .setParameter("o", outletId).getResultStream()
                .collect(Collectors.toMap(OutletItemOverride::getItemId, Function.identity()));

        JsonArrayBuilder categoryArray = Json.createArrayBuilder();
        for (MenuCategory category : categories) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (MenuItem item : itemsByCategory.getOrDefault(category.getId(), List.of())) {
                TaxRate tax = taxes.get(item.getTaxRateId());
                OutletItemOverride override = overrides.get(item.getId());
                items.add(item(item, tax, override));
                sellable.put(item.getId(), sellable(item, category, tax, override));
            }
            JsonObjectBuilder c = Json.createObjectBuilder().add("id", category.getId()).add("name", category.getName())
                    .add("sortOrder", category.getSortOrder()).add("items", items);
            if (category.getParentId() == null) {
                c.addNull("parentId");
            } else {
                c.add("parentId", category.getParentId());
            }
            categoryArray.add(c);
        }
        return Json.createObjectBuilder().add("outletId", outletId).add("currency", currency)
                .add("revision", revision).add("categories", categoryArray).build().toString();
    }

    private static SellableMenu.Item sellable(MenuItem item, MenuCategory category, TaxRate tax,
            OutletItemOverride override) {
        BigDecimal price = override != null && override.getPrice() != null ? override.getPrice() : item.getPrice();
        List<SellableMenu.Group> groups = item.getModifierGroups().stream().map(g -> new SellableMenu.Group(g.getId(),
                g.getName(), g.getMinChoices(), g.getMaxChoices(), g.getModifiers().stream()
                        .map(m -> new SellableMenu.Modifier(m.getId(), m.getName(), m.getPriceDelta())).toList()))
                .toList();
        return new SellableMenu.Item(item.getId(), item.getSku(), item.getName(), category.getId(), category.getName(),
                price, override == null || override.isAvailable(), item.getStation(), tax.getId(), tax.getName(),
                tax.getRate(), tax.isInclusive(), groups);
    }

    private static JsonObjectBuilder item(MenuItem item, TaxRate tax, OutletItemOverride override) {
        BigDecimal price = override != null && override.getPrice() != null ? override.getPrice() : item.getPrice();
        boolean available = override == null || override.isAvailable();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (ModifierGroup group : item.getModifierGroups()) {
            JsonArrayBuilder modifiers = Json.createArrayBuilder();
            for (Modifier m : group.getModifiers()) {
                modifiers.add(Json.createObjectBuilder().add("id", m.getId()).add("name", m.getName())
                        .add("priceDelta", m.getPriceDelta()));
            }
            groups.add(Json.createObjectBuilder().add("id", group.getId()).add("name", group.getName())
                    .add("min", group.getMinChoices()).add("max", group.getMaxChoices()).add("modifiers", modifiers));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", item.getId()).add("sku", item.getSku())
                .add("name", item.getName()).add("price", price).add("station", item.getStation())
                .add("available", available)
                .add("taxRate", Json.createObjectBuilder().add("id", tax.getId()).add("name", tax.getName())
                        .add("rate", tax.getRate()).add("inclusive", tax.isInclusive()))
                .add("modifierGroups", groups);
        if (item.getDescription() == null) {
            json.addNull("description");
        } else {
            json.add("description", item.getDescription());
        }
        return json;
    }
}
