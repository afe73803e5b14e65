package com.rms.inventory.application;

import com.rms.inventory.domain.Ingredient;
import com.rms.inventory.domain.MovementReason;
import com.rms.inventory.domain.RecipeExpansion;
import com.rms.inventory.domain.RecipeLine;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.StockLevel;
import com.rms.inventory.domain.StockOrderPosting;
import com.rms.inventory.domain.Unit;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.error.RmsException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@link StockAvailability} by recipes: an order line consumes its item's recipe plus its modifiers'
 * recipes per portion. Menu items and modifiers without a recipe consume nothing.
 */
@ApplicationScoped
@Transactional
public class RecipeStock implements StockAvailability {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Recipes recipes;

    @Inject
    StockControl stock;

    @Inject
    StockPostings postings;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(name = "rms.stock.availability.check", absolute = true,
            description = "Time to answer whether an outlet can make an order's lines")
    public List<Shortage> check(long outletId, List<OrderLine> lines) {
        stock.requireOutlet(outletId);
        List<SortedMap<Long, BigDecimal>> needs = expand(lines);
        Set<Long> ids = needs.stream().flatMap(n -> n.keySet().stream()).collect(Collectors.toSet());
        Map<Long, StockItem> items = recipes.stockItems(ids);
        Map<Long, BigDecimal> onHand = ids.isEmpty() ? Map.of()
                : em.createQuery("select l from StockLevel l where l.outletId = :o and l.stockItemId in :ids",
                        StockLevel.class).setParameter("o", outletId).setParameter("ids", ids).getResultStream()
                        .collect(Collectors.toMap(StockLevel::getStockItemId, StockLevel::getOnHand));
        // what orders being paid hold is not available
        Map<StockLevel.Key, BigDecimal> held = postings.held(ids.stream().map(id -> new StockLevel.Key(outletId, id))
                .toList());
        onHand = onHand.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().subtract(held.getOrDefault(new StockLevel.Key(outletId, e.getKey()), BigDecimal.ZERO))));
        SortedMap<Long, BigDecimal> cumulative = new TreeMap<>();
        List<Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            RecipeExpansion.addInto(cumulative, needs.get(i));
            for (Long id : needs.get(i).keySet()) {
                StockItem item = items.get(id);
                BigDecimal available = onHand.getOrDefault(id, BigDecimal.ZERO.setScale(Unit.QUANTITY_SCALE));
                if (!item.isAllowNegative() && cumulative.get(id).compareTo(available) > 0) {
                    shortages.add(new Shortage(i, lines.get(i).menuItemId(), id, item.getSku(), cumulative.get(id),
                            available));
                }
            }
        }
        return shortages;
    }

    @Override
    public boolean deduct(long outletId, String orderReference, List<OrderLine> lines) {
        return deduct(outletId, orderReference, lines, false);
    }

    @Override
    public boolean deductSold(long outletId, String orderReference, List<OrderLine> lines) {
        return deduct(outletId, orderReference, lines, true);
    }

    @Override
    public int deductSold(List<Sale> sales) {
        Set<String> references = new LinkedHashSet<>();
        List<Posting> moves = new ArrayList<>();
        for (Sale sale : sales) {
            stock.requireOutlet(sale.outletId());
            requireReference(sale.orderReference());
            if (references.contains(sale.orderReference()) || deducted(sale.outletId(), sale.orderReference())) {
                continue;
            }
            SortedMap<Long, BigDecimal> total = total(sale.lines());
            em.persist(new StockOrderPosting(sale.orderReference(), MovementReason.SALE, sale.outletId()));
            total.forEach((item, quantity) -> moves.add(Posting.move(sale.outletId(), item, MovementReason.SALE,
                    quantity.negate(), sale.orderReference(), null)));
            references.add(sale.orderReference());
        }
        if (references.isEmpty()) {
            return 0;
        }
        // the markers first: a concurrent duplicate blocks on them and then fails instead of deducting twice
        em.flush();
        // what the orders held while they were paid becomes the sales themselves; every level either
        // touches is locked here, in one order, and the writes follow
        postings.lockLevels(moves.stream().map(m -> new StockLevel.Key(m.outletId(), m.stockItemId())).toList(),
                references);
        postings.release(references);
        if (!moves.isEmpty()) {
            postings.post(moves, true);
        }
        return references.size();
    }

    /** Whether the reference's sale was deducted (at this outlet; at another one is refused). */
    private boolean deducted(long outletId, String orderReference) {
        StockOrderPosting earlier = em.find(StockOrderPosting.class,
                new StockOrderPosting.Key(orderReference, MovementReason.SALE));
        if (earlier != null && earlier.getOutletId() != outletId) {
            throw new BusinessRuleException("order " + orderReference + " was already deducted at outlet "
                    + earlier.getOutletId());
        }
        return earlier != null;
    }

    private boolean deduct(long outletId, String orderReference, List<OrderLine> lines, boolean sold) {
        stock.requireOutlet(outletId);
        requireReference(orderReference);
        if (deducted(outletId, orderReference)) {
            return false;
        }
        // what the order held while it was paid becomes the sale itself
        postings.release(orderReference);
        SortedMap<Long, BigDecimal> total = total(lines);
        // Recorded (and flushed) first: a concurrent duplicate blocks on this key and then fails instead
        // of deducting twice.
        em.persist(new StockOrderPosting(orderReference, MovementReason.SALE, outletId));
        em.flush();
        List<Posting> sale = total.entrySet().stream().map(e -> Posting.move(outletId, e.getKey(),
                MovementReason.SALE, e.getValue().negate(), orderReference, null)).toList();
        if (!sale.isEmpty()) {
            postings.post(sale, sold);
        }
        return true;
    }

    @Override
    public boolean hold(long outletId, String orderReference, List<OrderLine> lines) {
        stock.requireOutlet(outletId);
        requireReference(orderReference);
        if (em.find(StockOrderPosting.class, new StockOrderPosting.Key(orderReference, MovementReason.SALE)) != null) {
            return false;
        }
        return postings.hold(outletId, orderReference, total(lines));
    }

    @Override
    public boolean release(long outletId, String orderReference) {
        stock.requireOutlet(outletId);
        requireReference(orderReference);
        return postings.release(orderReference);
    }

    @Override
    public boolean restore(long outletId, String orderReference) {
        stock.requireOutlet(outletId);
        requireReference(orderReference);
        StockOrderPosting sold = em.find(StockOrderPosting.class,
                new StockOrderPosting.Key(orderReference, MovementReason.SALE));
        if (sold == null || sold.getOutletId() != outletId) {
            throw new BusinessRuleException("no stock was deducted for order " + orderReference + " at outlet " + outletId);
        }
        if (em.find(StockOrderPosting.class, new StockOrderPosting.Key(orderReference, MovementReason.REFUND)) != null) {
            return false;
        }
        em.persist(new StockOrderPosting(orderReference, MovementReason.REFUND, outletId));
        em.flush();
        // reverse exactly what the ledger says was sold, whatever the recipes say now
        List<Posting> refund = em.createQuery("select m.stockItemId, sum(m.quantity) from StockMovement m "
                + "where m.outletId = :o and m.reference = :r and m.reason = :sale group by m.stockItemId "
                + "order by m.stockItemId", Object[].class)
                .setParameter("o", outletId).setParameter("r", orderReference).setParameter("sale", MovementReason.SALE)
                .getResultStream()
                .map(row -> Posting.move(outletId, (Long) row[0], MovementReason.REFUND, ((BigDecimal) row[1]).negate(),
                        orderReference, null))
                .toList();
        if (!refund.isEmpty()) {
            postings.post(refund);
        }
        return true;
    }

    private SortedMap<Long, BigDecimal> total(List<OrderLine> lines) {
        SortedMap<Long, BigDecimal> total = new TreeMap<>();
        expand(lines).forEach(need -> RecipeExpansion.addInto(total, need));
        return total;
    }

    /** What each line consumes, per stock item in its unit. */
    private List<SortedMap<Long, BigDecimal>> expand(List<OrderLine> lines) {
        List<FieldError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException("an order has lines", List.of(new FieldError("lines", "must not be empty")));
        }
        Set<Long> itemIds = new HashSet<>();
        Set<Long> modifierIds = new HashSet<>();
        lines.forEach(line -> {
            itemIds.add(line.menuItemId());
            modifierIds.addAll(line.modifierIds());
        });
        // one query each for what exists (loading the items would load their modifier groups too)
        Set<Long> knownItems = existing("select i.id from MenuItem i where i.id in :ids", itemIds);
        Set<Long> knownModifiers = existing("select m.id from Modifier m where m.id in :ids", modifierIds);
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.quantity() <= 0) {
                errors.add(new FieldError("lines[" + i + "].quantity", "must be greater than 0"));
            }
            if (!knownItems.contains(line.menuItemId())) {
                errors.add(new FieldError("lines[" + i + "].menuItemId", "no menu item " + line.menuItemId()));
            }
            for (Long modifierId : line.modifierIds()) {
                if (!knownModifiers.contains(modifierId)) {
                    errors.add(new FieldError("lines[" + i + "].modifierIds", "no modifier " + modifierId));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the order lines are invalid", errors);
        }
        List<RecipeLine> recipeLines = recipes.linesOf(itemIds, modifierIds);
        Map<Long, List<Ingredient>> itemRecipes = byTarget(recipeLines.stream()
                .filter(l -> l.getTargetKind() == RecipeTarget.ITEM).toList());
        Map<Long, List<Ingredient>> modifierRecipes = byTarget(recipeLines.stream()
                .filter(l -> l.getTargetKind() == RecipeTarget.MODIFIER).toList());
        Set<Long> stockIds = new HashSet<>();
        itemRecipes.values().forEach(l -> l.forEach(g -> stockIds.add(g.stockItemId())));
        modifierRecipes.values().forEach(l -> l.forEach(g -> stockIds.add(g.stockItemId())));
        Map<Long, Unit> units = recipes.stockItems(stockIds).values().stream()
                .collect(Collectors.toMap(StockItem::getId, StockItem::getUnit));
        List<SortedMap<Long, BigDecimal>> needs = new ArrayList<>();
        for (OrderLine line : lines) {
            List<Ingredient> portion = new ArrayList<>(itemRecipes.getOrDefault(line.menuItemId(), List.of()));
            line.modifierIds().forEach(m -> portion.addAll(modifierRecipes.getOrDefault(m, List.of())));
            needs.add(RecipeExpansion.expand(portion, line.quantity(), units));
        }
        return needs;
    }

    private Set<Long> existing(String query, Set<Long> ids) {
        return ids.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(query, Long.class).setParameter("ids", ids)
                .getResultList());
    }

    private static Map<Long, List<Ingredient>> byTarget(List<RecipeLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RecipeLine::getTargetId,
                Collectors.mapping(RecipeLine::ingredient, Collectors.toList())));
    }

    private static void requireReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 120) {
            throw new ValidationException("an order reference is required",
                    List.of(new FieldError("orderReference", "must be 1 to 120 characters")));
        }
    }
}
