package com.rms.inventory.application;

import com.rms.inventory.domain.MovementReason;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.StockLevel;
import com.rms.inventory.domain.StockMovement;
import com.rms.inventory.domain.Unit;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stock at the outlets: levels, manual adjustments (waste, corrections, counts), transfers between
 * outlets, and the movement ledger. Every change goes through {@link StockPostings}, so the ledger
 * and the levels never disagree. Outlet staff see only their outlets' stock.
 */
@ApplicationScoped
@Transactional
public class StockControl {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    OutletDirectory outlets;

    @Inject
    StockPostings postings;

    /** Every stock item with its level at the outlet (zero where nothing ever moved), by SKU. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StockLevelView> levels(long outletId, PageRequest paging) {
        requireOutlet(outletId);
        List<StockItem> items = em.createQuery("select i from StockItem i order by i.sku", StockItem.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(i) from StockItem i", Long.class).getSingleResult();
        Map<Long, BigDecimal> onHand = items.isEmpty() ? Map.of()
                : em.createQuery("select l from StockLevel l where l.outletId = :o and l.stockItemId in :ids",
                        StockLevel.class).setParameter("o", outletId)
                        .setParameter("ids", items.stream().map(StockItem::getId).toList())
                        .getResultStream().collect(Collectors.toMap(StockLevel::getStockItemId, StockLevel::getOnHand));
        List<StockLevelView> views = items.stream()
                .map(i -> StockLevelView.of(outletId, i, onHand.get(i.getId()))).toList();
        return new Page<>(views, paging.page(), paging.size(), total);
    }

    /**
     * How many stock items are at or below their reorder level at the outlet — the items
     * {@link #levels} marks {@code lowStock}, counted in the database (where nothing ever moved, the
     * outlet has none); the caller has checked that the outlet's figures may be read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long lowStockCount(long outletId) {
        Number low = (Number) em.createNativeQuery("select count(*) from stock_item i left join stock_level l "
                + "on l.stock_item_id = i.id and l.outlet_id = ?1 where coalesce(l.on_hand, 0) <= i.reorder_level")
                .setParameter(1, outletId).getSingleResult();
        return low.longValue();
    }

    /** Posts a WASTE, CORRECTION or COUNT and answers the item's level after it. */
    public StockLevelView adjust(long outletId, AdjustmentCommand command) {
        requireOutlet(outletId);
        Validation.Errors errors = validation.check(command);
        MovementReason reason = null;
        StockItem item = null;
        if (command != null) {
            item = stockItem(errors, command.stockItemId());
            reason = switch (command.reason() == null ? "" : command.reason()) {
                case "WASTE" -> MovementReason.WASTE;
                case "CORRECTION" -> MovementReason.CORRECTION;
                case "COUNT" -> MovementReason.COUNT;
                default -> {
                    errors.add("reason", "must be WASTE, CORRECTION or COUNT");
                    yield null;
                }
            };
            if (reason == MovementReason.COUNT) {
                Checks.notNegative(errors, "counted", command.counted(), Unit.QUANTITY_SCALE);
                if (command.delta() != null) {
                    errors.add("delta", "a count sends what was counted, not a delta");
                }
            } else if (reason != null) {
                if (command.counted() != null) {
                    errors.add("counted", "only a COUNT sends what was counted");
                }
                if (command.delta() == null) {
                    errors.add("delta", "is required");
                } else if (command.delta().signum() == 0) {
                    errors.add("delta", "must not be 0");
                } else if (reason == MovementReason.WASTE && command.delta().signum() > 0) {
                    errors.add("delta", "waste takes stock away: it must be negative");
                } else {
                    Checks.scale(errors, "delta", command.delta(), Unit.QUANTITY_SCALE);
                }
            }
        }
        errors.throwIfAny();
        Posting posting = reason == MovementReason.COUNT
                ? Posting.count(outletId, item.getId(), command.counted(), command.note())
                : Posting.move(outletId, item.getId(), reason, command.delta(), null, command.note());
        StockLevel level = postings.post(List.of(posting)).values().iterator().next();
        return StockLevelView.of(outletId, item, level.getOnHand());
    }

    /** Moves stock from one outlet to another as a TRANSFER_OUT and a TRANSFER_IN in one transaction. */
    public TransferView transfer(long fromOutletId, TransferCommand command) {
        requireOutlet(fromOutletId);
        Validation.Errors errors = validation.check(command);
        StockItem item = null;
        if (command != null) {
            item = command.stockItemId() == null ? null : stockItem(errors, command.stockItemId());
            Checks.positiveQuantity(errors, "quantity", command.quantity());
            if (command.toOutletId() != null) {
                if (command.toOutletId() == fromOutletId) {
                    errors.add("toOutletId", "must be another outlet");
                } else if (!outlets.exists(command.toOutletId())
                        || !CallerContext.current().mayAccessOutlet(command.toOutletId())) {
                    errors.add("toOutletId", "no outlet " + command.toOutletId());
                }
            }
        }
        errors.throwIfAny();
        String reference = "transfer:" + UUID.randomUUID();
        long to = command.toOutletId();
        Map<StockLevel.Key, StockLevel> levels = postings.post(List.of(
                Posting.move(fromOutletId, item.getId(), MovementReason.TRANSFER_OUT, command.quantity().negate(),
                        reference, command.note()),
                Posting.move(to, item.getId(), MovementReason.TRANSFER_IN, command.quantity(), reference,
                        command.note())));
        return new TransferView(reference,
                StockLevelView.of(fromOutletId, item, levels.get(new StockLevel.Key(fromOutletId, item.getId())).getOnHand()),
                StockLevelView.of(to, item, levels.get(new StockLevel.Key(to, item.getId())).getOnHand()));
    }

    /** The outlet's ledger, newest first, optionally for one item and a time window ({@code from} inclusive, {@code to} exclusive). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MovementView> movements(long outletId, Long stockItemId, String from, String to, PageRequest paging) {
        requireOutlet(outletId);
        Validation.Errors errors = validation.check(paging);
        OffsetDateTime since = time(errors, "from", from);
        OffsetDateTime until = time(errors, "to", to);
        errors.throwIfAny();
        StringBuilder where = new StringBuilder(" where m.outletId = :o");
        if (stockItemId != null) {
            where.append(" and m.stockItemId = :i");
        }
        if (since != null) {
            where.append(" and m.at >= :from");
        }
        if (until != null) {
            where.append(" and m.at < :to");
        }
        TypedQuery<StockMovement> query = em.createQuery("select m from StockMovement m" + where
                + " order by m.at desc, m.id desc", StockMovement.class);
        TypedQuery<Long> count = em.createQuery("select count(m) from StockMovement m" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("o", outletId);
            if (stockItemId != null) {
                q.setParameter("i", stockItemId);
            }
            if (since != null) {
                q.setParameter("from", since);
            }
            if (until != null) {
                q.setParameter("to", until);
            }
        }
        List<MovementView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(MovementView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    void requireOutlet(long outletId) {
        TenantContext.require();
        if (!outlets.exists(outletId) || !CallerContext.current().mayAccessOutlet(outletId)) {
            throw new NotFoundException("no outlet " + outletId);
        }
    }

    private StockItem stockItem(Validation.Errors errors, Long id) {
        if (id == null) {
            errors.add("stockItemId", "is required");
            return null;
        }
        StockItem item = em.find(StockItem.class, id);
        if (item == null) {
            errors.add("stockItemId", "no stock item " + id);
        }
        return item;
    }

    private static OffsetDateTime time(Validation.Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 time with offset, such as 2025-01-31T18:00:00+01:00");
            return null;
        }
    }
}
