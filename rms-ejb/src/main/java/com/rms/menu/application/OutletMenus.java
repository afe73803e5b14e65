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
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The menu as an outlet sells it: the chain's menu with the outlet's price and availability
 * overrides (everything not overridden is inherited). Rendered menus are cached per tenant and
 * outlet, validated on every read against the tenant's menu revision and the outlet's version (one
 * round trip), so a change on any server is seen at once and one tenant's cache can
 * never answer for another.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutletMenus {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    OutletDirectory outlets;

    @Inject
    Validation validation;

    /** A rendered menu and the entity tag that identifies this state of it. */
    public record SoldMenu(String etag, String json) {}

    private record Cached(long revision, long outletVersion, SoldMenu menu, SellableMenu sellable) {}

    private final Map<String, Map<Long, Cached>> cache = new ConcurrentHashMap<>();

    public SoldMenu menu(long outletId) {
        return current(outletId).menu();
    }

    /** The same menu as {@link #menu} for pricing and validating orders: the items the outlet sells, by id. */
    public SellableMenu sellable(long outletId) {
        return current(outletId).sellable();
    }

    private Cached current(long outletId) {
        String tenant = TenantContext.require().slug();
        if (!CallerContext.current().mayAccessOutlet(outletId)) {
            throw new NotFoundException("no outlet " + outletId);
        }
        // one round trip validates the cache: the outlet's version and currency, and the menu revision
        List<?> rows = em.createNativeQuery("select o.version, o.currency, r.revision from outlet o, menu_revision r "
                + "where o.id = ?1 and r.id = 1").setParameter(1, outletId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("no outlet " + outletId);
        }
        Object[] row = (Object[]) rows.get(0);
        long outletVersion = ((Number) row[0]).longValue();
        String currency = (String) row[1];
        long revision = ((Number) row[2]).longValue();
        Map<Long, Cached> tenantCache = cache.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        Cached cached = tenantCache.get(outletId);
        if (cached != null && cached.revision() == revision && cached.outletVersion() == outletVersion) {
            return cached;
        }
        Map<Long, SellableMenu.Item> sellable = new HashMap<>();
        SoldMenu menu = new SoldMenu("\"m" + revision + "-o" + outletId + "-v" + outletVersion + "\"",
                render(outletId, currency, revision, sellable));
        Cached fresh = new Cached(revision, outletVersion, menu, new SellableMenu(outletId, currency, Map.copyOf(sellable)));
        tenantCache.put(outletId, fresh);
        return fresh;
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
        MenuRevision.bump(em);
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
