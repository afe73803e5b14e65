package com.rms.inventory.application;

import com.rms.inventory.domain.Costing;
import com.rms.inventory.domain.MovementReason;
import com.rms.inventory.domain.StockHold;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.StockLevel;
import com.rms.inventory.domain.StockMovement;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.events.Events;
import com.rms.platform.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The only way stock changes: appends movements to the ledger and moves the levels with them in the
 * caller's transaction. Levels are locked ({@code SELECT … FOR UPDATE}) in ascending (outlet, item)
 * order before anything is checked, so concurrent postings on the same stock queue instead of
 * overselling, and never deadlock. A strict item never goes below zero; a level that falls to or
 * below its reorder level announces {@code stock.low} once (delivered after commit).
 *
 * <p>Lock order across the context: purchase order, then stock items (ascending), then levels
 * (ascending). Nothing takes a stock item lock while holding a level lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockPostings {

    private static final Comparator<StockLevel.Key> ORDER = Comparator.comparing((StockLevel.Key k) -> k.outletId())
            .thenComparing(StockLevel.Key::stockItemId);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Events events;

    /**
     * Posts all of {@code postings} or none of them.
     *
     * @return the locked levels after posting, by (outlet, item)
     * @throws BusinessRuleException if a strict item would go below zero (nothing is posted)
     */
    public Map<StockLevel.Key, StockLevel> post(List<Posting> postings) {
        return post(postings, false);
    }

    /**
     * Posts all of {@code postings} or none of them; with {@code belowZero} a strict item may go
     * below zero too (a sale that already happened is recorded whatever the count says).
     */
    public Map<StockLevel.Key, StockLevel> post(List<Posting> postings, boolean belowZero) {
        TreeMap<StockLevel.Key, StockItem> touched = new TreeMap<>(ORDER);
        for (Posting p : postings) {
            touched.put(new StockLevel.Key(p.outletId(), p.stockItemId()), null);
        }
        Map<Long, StockItem> items = items(touched.keySet());
        Map<StockLevel.Key, StockLevel> levels = lock(touched.keySet());

        String user = CallerContext.current().username();
        Map<StockLevel.Key, BigDecimal> held = held(levels.keySet());
        List<FieldError> shortages = new ArrayList<>();
        List<StockLevel> crossed = new ArrayList<>();
        for (Posting p : postings) {
            StockLevel.Key key = new StockLevel.Key(p.outletId(), p.stockItemId());
            StockLevel level = levels.get(key);
            BigDecimal heldHere = held.getOrDefault(key, BigDecimal.ZERO);
            StockItem item = items.get(p.stockItemId());
            BigDecimal quantity = p.reason() == MovementReason.COUNT
                    ? Costing.countDifference(level.getOnHand(), p.counted()) : p.quantity();
            BigDecimal available = level.getOnHand().subtract(heldHere);
            BigDecimal after = available.add(quantity);
            if (quantity.signum() < 0 && after.signum() < 0 && !item.isAllowNegative() && !belowZero) {
                shortages.add(new FieldError("stockItemId", item.getSku() + ": " + available.toPlainString()
                        + " " + item.getUnit().code() + " available at outlet " + p.outletId()
                        + (heldHere.signum() > 0 ? " (" + heldHere.toPlainString() + " held for orders being paid)" : "")
                        + ", " + quantity.negate().toPlainString() + " needed"));
                continue;
            }
            BigDecimal unitCost = p.unitCost() != null ? p.unitCost() : item.getAverageCost();
            em.persist(new StockMovement(p.outletId(), p.stockItemId(), p.reason(), quantity, unitCost,
                    p.reference(), p.note(), user));
            if (level.apply(quantity, item)) {
                crossed.add(level);
            }
        }
        if (!shortages.isEmpty()) {
            throw new BusinessRuleException("insufficient stock", shortages);
        }
        em.flush();
        crossed.forEach(level -> announceLow(level, items.get(level.getStockItemId())));
        return levels;
    }

    /**
     * Holds {@code needs} (stock item → quantity in its unit) at an outlet for {@code reference}: all
     * of it or none. A strict item must have that much available (on hand less what is already held).
     *
     * @return false if the reference already holds stock there (nothing changed)
     * @throws BusinessRuleException if a strict item has too little available (nothing is held)
     */
    public boolean hold(long outletId, String reference, Map<Long, BigDecimal> needs) {
        // what the transaction wrote so far goes out before the levels are locked, not while they are
        em.flush();
        if (!em.createQuery("select h from StockHold h where h.reference = :r", StockHold.class)
                .setParameter("r", reference).setMaxResults(1).getResultList().isEmpty()) {
            return false;
        }
        TreeMap<StockLevel.Key, StockItem> touched = new TreeMap<>(ORDER);
        needs.keySet().forEach(id -> touched.put(new StockLevel.Key(outletId, id), null));
        Map<Long, StockItem> items = new LinkedHashMap<>();
        touched.keySet().stream().map(StockLevel.Key::stockItemId).sorted()
                .forEach(id -> items.put(id, em.find(StockItem.class, id)));
        touched.keySet().forEach(key -> ensureLevel(key, items.get(key.stockItemId())));
        Map<StockLevel.Key, StockLevel> levels = lock(touched.keySet());
        Map<StockLevel.Key, BigDecimal> held = held(levels.keySet());
        List<FieldError> shortages = new ArrayList<>();
        for (Map.Entry<StockLevel.Key, StockLevel> e : levels.entrySet()) {
            StockItem item = items.get(e.getKey().stockItemId());
            BigDecimal need = needs.get(e.getKey().stockItemId());
            BigDecimal available = e.getValue().getOnHand().subtract(held.getOrDefault(e.getKey(), BigDecimal.ZERO));
            if (!item.isAllowNegative() && available.compareTo(need) < 0) {
                shortages.add(new FieldError("stockItemId", item.getSku() + ": " + available
                        .toPlainString() + " " + item.getUnit().code() + " available at outlet " + outletId + ", "
                        + need.toPlainString() + " needed"));
            }
        }
        if (!shortages.isEmpty()) {
            throw new BusinessRuleException("insufficient stock", shortages);
        }
        for (StockLevel.Key key : levels.keySet()) {
            em.persist(new StockHold(reference, outletId, key.stockItemId(), needs.get(key.stockItemId())));
        }
        em.flush();
        return true;
    }

    /** Releases what {@code reference} holds, wherever it is held. @return whether anything was held */
    public boolean release(String reference) {
        return release(List.of(reference));
    }

    /** Releases what {@code references} hold, wherever it is held. @return whether anything was held */
    public boolean release(java.util.Collection<String> references) {
        List<StockHold> holds = holdsOf(references);
        if (holds.isEmpty()) {
            return false;
        }
        TreeMap<StockLevel.Key, StockItem> touched = new TreeMap<>(ORDER);
        holds.forEach(h -> touched.put(new StockLevel.Key(h.getOutletId(), h.getStockItemId()), null));
        lock(touched.keySet());
        holds.forEach(em::remove);
        em.flush();
        return true;
    }

    private List<StockHold> holdsOf(java.util.Collection<String> references) {
        return em.createQuery("select h from StockHold h where h.reference in :r order by h.outletId, h.stockItemId",
                StockHold.class).setParameter("r", references).getResultList();
    }

    /**
     * Locks, in the one order every stock change locks in, the levels of {@code keys} (created if they
     * never moved) and those {@code references} hold stock at: what a batch of changes takes before
     * any of its writes, so no lock is taken out of order afterwards.
     */
    public void lockLevels(java.util.Collection<StockLevel.Key> keys, java.util.Collection<String> references) {
        TreeMap<StockLevel.Key, StockItem> touched = new TreeMap<>(ORDER);
        keys.forEach(key -> touched.put(key, null));
        holdsOf(references).forEach(h -> touched.put(new StockLevel.Key(h.getOutletId(), h.getStockItemId()), null));
        items(touched.keySet());
        lock(touched.keySet());
    }

    /** The stock items of the levels, with every level row created that does not exist yet. */
    private Map<Long, StockItem> items(Set<StockLevel.Key> keys) {
        Map<Long, StockItem> items = new LinkedHashMap<>();
        keys.stream().map(StockLevel.Key::stockItemId).distinct().sorted()
                .forEach(id -> items.put(id, em.find(StockItem.class, id)));
        keys.forEach(key -> ensureLevel(key, items.get(key.stockItemId())));
        return items;
    }

    /**
     * What is held for orders being paid at each of these (outlet, item) levels. Holds are only written
     * under their level's lock, so under that lock this is exact; without it (a check) it is a snapshot.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<StockLevel.Key, BigDecimal> held(java.util.Collection<StockLevel.Key> keys) {
        Map<StockLevel.Key, BigDecimal> held = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return held;
        }
        Set<Long> outletIds = keys.stream().map(StockLevel.Key::outletId).collect(java.util.stream.Collectors.toSet());
        Set<Long> itemIds = keys.stream().map(StockLevel.Key::stockItemId).collect(java.util.stream.Collectors.toSet());
        em.createQuery("select h.outletId, h.stockItemId, sum(h.quantity) from StockHold h where h.outletId in :o "
                + "and h.stockItemId in :i group by h.outletId, h.stockItemId", Object[].class)
                .setParameter("o", outletIds).setParameter("i", itemIds).getResultList()
                .forEach(row -> held.put(new StockLevel.Key((Long) row[0], (Long) row[1]), (BigDecimal) row[2]));
        return held;
    }

    /** The item's on-hand summed over every outlet (what its average cost is weighted against). */
    public BigDecimal onHandEverywhere(long stockItemId) {
        BigDecimal sum = em.createQuery("select sum(l.onHand) from StockLevel l where l.stockItemId = :i",
                BigDecimal.class).setParameter("i", stockItemId).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /**
     * Creates the level row of an outlet and item that never moved. The stock item row is locked
     * first so two transactions cannot both insert it; the existence check does not load the level,
     * so its on-hand is only ever read under the lock taken in {@link #lock}.
     */
    private void ensureLevel(StockLevel.Key key, StockItem item) {
        if (exists(key)) {
            return;
        }
        if (em.getLockMode(item) != LockModeType.PESSIMISTIC_WRITE) {
            em.lock(item, LockModeType.PESSIMISTIC_WRITE);
        }
        if (!exists(key)) {
            em.persist(new StockLevel(key.outletId(), key.stockItemId()));
            em.flush();
        }
    }

    private boolean exists(StockLevel.Key key) {
        return em.createQuery("select count(l) from StockLevel l where l.outletId = :o and l.stockItemId = :i",
                Long.class).setParameter("o", key.outletId()).setParameter("i", key.stockItemId())
                .getSingleResult() > 0;
    }

    private Map<StockLevel.Key, StockLevel> lock(Iterable<StockLevel.Key> ordered) {
        Map<StockLevel.Key, StockLevel> locked = new LinkedHashMap<>();
        for (StockLevel.Key key : ordered) {
            locked.put(key, em.find(StockLevel.class, key, LockModeType.PESSIMISTIC_WRITE));
        }
        return locked;
    }

    private void announceLow(StockLevel level, StockItem item) {
        events.publish(level.getOutletId(), "stock.low", Json.createObjectBuilder()
                .add("stockItemId", item.getId()).add("sku", item.getSku()).add("name", item.getName())
                .add("unit", item.getUnit().code()).add("onHand", level.getOnHand())
                .add("reorderLevel", item.getReorderLevel()).build());
    }
}
