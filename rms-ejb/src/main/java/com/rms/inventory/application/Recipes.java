package com.rms.inventory.application;

import com.rms.inventory.domain.RecipeExpansion;
import com.rms.inventory.domain.RecipeLine;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.Unit;
import com.rms.menu.domain.MenuItem;
import com.rms.menu.domain.Modifier;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recipes of menu items and modifiers: the stock one portion consumes. A recipe is replaced as a
 * whole; every line names a stock item of this tenant and a unit that converts to the item's. The
 * menu item or modifier is read by id in the tenant's schema only to know that it exists.
 */
@ApplicationScoped
@Transactional
public class Recipes {

    /** A recipe longer than this is a mistake, not a dish. */
    static final int MAX_LINES = 100;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecipeLineView> get(RecipeTarget kind, long targetId) {
        requireTarget(kind, targetId);
        List<RecipeLine> lines = linesOf(kind, List.of(targetId));
        Map<Long, StockItem> items = stockItems(lines.stream().map(RecipeLine::getStockItemId).toList());
        return lines.stream().map(l -> view(l, items.get(l.getStockItemId()))).toList();
    }

    public List<RecipeLineView> replace(RecipeTarget kind, long targetId, List<RecipeLineCommand> commands) {
        requireTarget(kind, targetId);
        Validation.Errors errors = validation.check(commands);
        List<RecipeLine> lines = new ArrayList<>();
        if (commands != null) {
            if (commands.size() > MAX_LINES) {
                errors.add("body", "a recipe has at most " + MAX_LINES + " lines");
            }
            Map<Long, StockItem> items = stockItems(commands.stream().filter(c -> c != null && c.stockItemId() != null)
                    .map(RecipeLineCommand::stockItemId).toList());
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < commands.size(); i++) {
                String at = "[" + i + "].";
                RecipeLineCommand command = commands.get(i);
                if (command == null) {
                    errors.add("[" + i + "]", "must be an object");
                    continue;
                }
                StockItem item = command.stockItemId() == null ? null : items.get(command.stockItemId());
                if (command.stockItemId() == null) {
                    errors.add(at + "stockItemId", "is required");
                } else if (item == null) {
                    errors.add(at + "stockItemId", "no stock item " + command.stockItemId());
                } else if (!seen.add(item.getId())) {
                    errors.add(at + "stockItemId", "appears more than once; put the whole quantity on one line");
                }
                Checks.positiveQuantity(errors, at + "quantity", command.quantity());
                Optional<Unit> unit = Checks.unit(errors, at + "unit", command.unit());
                if (item != null && unit.isPresent() && !unit.get().convertsTo(item.getUnit())) {
                    errors.add(at + "unit", unit.get().code() + " does not convert to " + item.getUnit().code()
                            + ", the unit of " + item.getSku());
                } else if (item != null && command.quantity() != null && command.quantity().signum() > 0
                        && unit.orElse(item.getUnit()).convert(command.quantity(), item.getUnit()).signum() == 0) {
                    // the ledger keeps 3 decimals of the stock item's unit: a smaller portion would vanish
                    errors.add(at + "quantity", "is less than 0.001 " + item.getUnit().code() + ", the smallest amount "
                            + item.getSku() + " is counted in");
                }
                if (item != null && command.quantity() != null && command.quantity().signum() > 0) {
                    lines.add(new RecipeLine(kind, targetId, i, item.getId(), command.quantity(),
                            unit.orElse(item.getUnit())));
                }
            }
        }
        errors.throwIfAny();
        em.createQuery("delete from RecipeLine r where r.targetKind = :k and r.targetId = :t")
                .setParameter("k", kind).setParameter("t", targetId).executeUpdate();
        lines.forEach(em::persist);
        em.flush();
        return get(kind, targetId);
    }

    /**
     * What one portion of each menu item's own recipe costs now: every line converted to its stock
     * item's unit (as a sale deducts it, {@link RecipeExpansion}) times the item's moving average cost,
     * unrounded. Modifiers' recipes are not included (a portion's cost is the item's, whatever the
     * guest adds); items without a recipe are absent from the answer.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, BigDecimal> portionCosts(Collection<Long> menuItemIds) {
        List<RecipeLine> lines = linesOf(RecipeTarget.ITEM, menuItemIds);
        Map<Long, StockItem> stock = stockItems(lines.stream().map(RecipeLine::getStockItemId).toList());
        Map<Long, Unit> units = stock.values().stream().collect(Collectors.toMap(StockItem::getId, StockItem::getUnit));
        Map<Long, BigDecimal> costs = new TreeMap<>();
        lines.stream().collect(Collectors.groupingBy(RecipeLine::getTargetId, TreeMap::new,
                Collectors.mapping(RecipeLine::ingredient, Collectors.toList())))
                .forEach((itemId, portion) -> costs.put(itemId, RecipeExpansion.expand(portion, 1, units).entrySet()
                        .stream().map(e -> e.getValue().multiply(stock.get(e.getKey()).getAverageCost()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
        return costs;
    }

    /** The recipe lines of the given targets of one kind, in recipe order. */
    List<RecipeLine> linesOf(RecipeTarget kind, Collection<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from RecipeLine r where r.targetKind = :k and r.targetId in :t "
                + "order by r.targetId, r.lineNo", RecipeLine.class)
                .setParameter("k", kind).setParameter("t", targetIds).getResultList();
    }

    /** The recipe lines of these menu items and modifiers, in one query. */
    List<RecipeLine> linesOf(Collection<Long> itemIds, Collection<Long> modifierIds) {
        if (itemIds.isEmpty() || modifierIds.isEmpty()) {
            return itemIds.isEmpty() ? linesOf(RecipeTarget.MODIFIER, modifierIds) : linesOf(RecipeTarget.ITEM, itemIds);
        }
        return em.createQuery("select r from RecipeLine r where (r.targetKind = :i and r.targetId in :items) "
                + "or (r.targetKind = :m and r.targetId in :modifiers) order by r.targetId, r.lineNo", RecipeLine.class)
                .setParameter("i", RecipeTarget.ITEM).setParameter("items", itemIds)
                .setParameter("m", RecipeTarget.MODIFIER).setParameter("modifiers", modifierIds).getResultList();
    }

    Map<Long, StockItem> stockItems(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select i from StockItem i where i.id in :ids", StockItem.class)
                .setParameter("ids", Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(StockItem::getId, Function.identity()));
    }

    void requireTarget(RecipeTarget kind, long targetId) {
        TenantContext.require();
        Object target = kind == RecipeTarget.ITEM ? em.find(MenuItem.class, targetId) : em.find(Modifier.class, targetId);
        if (target == null) {
            throw new NotFoundException("no " + (kind == RecipeTarget.ITEM ? "menu item " : "modifier ") + targetId);
        }
    }

    private static RecipeLineView view(RecipeLine line, StockItem item) {
        BigDecimal inStockUnit = line.getUnit().convert(line.getQuantity(), item.getUnit());
        return new RecipeLineView(item.getId(), item.getSku(), item.getName(), line.getQuantity(),
                line.getUnit().code(), inStockUnit, item.getUnit().code());
    }
}
