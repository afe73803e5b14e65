package com.rms.inventory.application;

import com.rms.inventory.domain.PurchaseOrder;
import com.rms.inventory.domain.PurchaseOrderLine;
import com.rms.inventory.domain.PurchaseOrderStatus;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.Supplier;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchase orders: drafted for a supplier and an outlet, sent, then received in one or more
 * deliveries. A delivery posts PURCHASE movements at the received cost and folds that cost into each
 * item's weighted average; it can never bring in more than was ordered. Staff limited to some
 * outlets see only those outlets' orders.
 */
@ApplicationScoped
@Transactional
public class PurchaseOrders {

    static final int MAX_LINES = 200;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    OutletDirectory outlets;

    @Inject
    StockPostings postings;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PurchaseOrderView> list(PageRequest paging) {
        TenantContext.require();
        Caller caller = CallerContext.current();
        if (caller.limitedToOutlets() && caller.outletIds().isEmpty()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        String where = caller.limitedToOutlets() ? " where p.outletId in :ids" : "";
        TypedQuery<PurchaseOrder> query = em.createQuery("select p from PurchaseOrder p" + where
                + " order by p.createdAt desc, p.id desc", PurchaseOrder.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from PurchaseOrder p" + where, Long.class);
        if (caller.limitedToOutlets()) {
            query.setParameter("ids", caller.outletIds());
            count.setParameter("ids", caller.outletIds());
        }
        List<PurchaseOrderView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(PurchaseOrderView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PurchaseOrderView get(long id) {
        return PurchaseOrderView.of(require(id, LockModeType.NONE));
    }

    public PurchaseOrderView create(PurchaseOrderCommand command) {
        TenantContext.require();
        Validation.Errors errors = validation.check(command);
        Supplier supplier = null;
        List<PurchaseOrderLine> lines = new ArrayList<>();
        if (command != null) {
            if (command.supplierId() != null) {
                supplier = em.find(Supplier.class, command.supplierId());
                if (supplier == null) {
                    errors.add("supplierId", "no supplier " + command.supplierId());
                }
            }
            if (command.outletId() != null && (!outlets.exists(command.outletId())
                    || !CallerContext.current().mayAccessOutlet(command.outletId()))) {
                errors.add("outletId", "no outlet " + command.outletId());
            }
            if (command.lines() != null) {
                Map<Long, StockItem> items = lineItems(errors, command.lines());
                for (int i = 0; i < command.lines().size(); i++) {
                    PurchaseLineCommand line = command.lines().get(i);
                    StockItem item = line == null ? null : items.get(line.stockItemId());
                    if (item != null && line.quantity() != null && line.quantity().signum() > 0
                            && (line.unitCost() == null || line.unitCost().signum() >= 0)) {
                        lines.add(new PurchaseOrderLine(i, item.getId(), line.quantity(),
                                line.unitCost() == null ? item.getUnitCost() : line.unitCost()));
                    }
                }
            }
        }
        errors.throwIfAny();
        if (!supplier.isActive()) {
            throw new BusinessRuleException("supplier " + supplier.getName() + " is inactive");
        }
        PurchaseOrder po = new PurchaseOrder(supplier.getId(), command.outletId(),
                CallerContext.current().username(), lines);
        em.persist(po);
        em.flush();
        return PurchaseOrderView.of(po);
    }

    public PurchaseOrderView send(long id) {
        PurchaseOrder po = require(id, LockModeType.NONE);
        if (po.getStatus() != PurchaseOrderStatus.DRAFT) {
            throw new BusinessRuleException("only a draft can be sent; purchase order " + id + " is " + po.getStatus());
        }
        po.send();
        em.flush();
        return PurchaseOrderView.of(po);
    }

    public PurchaseOrderView cancel(long id) {
        PurchaseOrder po = require(id, LockModeType.NONE);
        if (!po.getStatus().mayCancel()) {
            throw new BusinessRuleException("a " + po.getStatus() + " purchase order cannot be cancelled");
        }
        po.cancel();
        em.flush();
        return PurchaseOrderView.of(po);
    }

    /**
     * Books a delivery. The order is locked first so two deliveries cannot both pass the
     * "not more than ordered" check; then the stock items (ascending), whose average costs change.
     */
    public PurchaseOrderView receive(long id, ReceiptCommand command) {
        PurchaseOrder po = require(id, LockModeType.PESSIMISTIC_WRITE);
        Validation.Errors errors = validation.check(command);
        if (command != null && command.lines() != null) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < command.lines().size(); i++) {
                PurchaseLineCommand line = command.lines().get(i);
                String at = "lines[" + i + "].";
                if (line == null || line.stockItemId() == null) {
                    errors.add(at + "stockItemId", "is required");
                    continue;
                }
                if (!seen.add(line.stockItemId())) {
                    errors.add(at + "stockItemId", "appears more than once");
                }
                Checks.positiveQuantity(errors, at + "quantity", line.quantity());
                Checks.optionalCost(errors, at + "unitCost", line.unitCost());
            }
            if (command.lines().isEmpty()) {
                errors.add("lines", "must not be empty");
            }
        }
        errors.throwIfAny();
        if (!po.getStatus().mayReceive()) {
            throw new BusinessRuleException("a " + po.getStatus() + " purchase order cannot be received");
        }
        TreeMap<Long, PurchaseLineCommand> byItem = new TreeMap<>();
        for (PurchaseLineCommand line : command.lines()) {
            PurchaseOrderLine ordered = po.line(line.stockItemId()).orElseThrow(() -> new BusinessRuleException(
                    "stock item " + line.stockItemId() + " is not on purchase order " + id));
            if (line.quantity().compareTo(ordered.outstanding()) > 0) {
                throw new BusinessRuleException("receiving " + line.quantity().toPlainString() + " of stock item "
                        + line.stockItemId() + " exceeds the " + ordered.outstanding().toPlainString() + " outstanding");
            }
            byItem.put(line.stockItemId(), line);
        }
        Map<Long, StockItem> items = new TreeMap<>();
        Map<Long, BigDecimal> before = new TreeMap<>();
        for (Long itemId : byItem.keySet()) {
            items.put(itemId, em.find(StockItem.class, itemId, LockModeType.PESSIMISTIC_WRITE));
            before.put(itemId, postings.onHandEverywhere(itemId));
        }
        String reference = "po:" + id;
        List<Posting> receipts = new ArrayList<>();
        byItem.forEach((itemId, line) -> receipts.add(Posting.receipt(po.getOutletId(), itemId, line.quantity(),
                costOf(po, line), reference)));
        postings.post(receipts);
        byItem.forEach((itemId, line) -> {
            items.get(itemId).receive(before.get(itemId), line.quantity(), costOf(po, line));
            po.receive(itemId, line.quantity());
        });
        em.flush();
        return PurchaseOrderView.of(po);
    }

    private static BigDecimal costOf(PurchaseOrder po, PurchaseLineCommand line) {
        return line.unitCost() != null ? line.unitCost() : po.line(line.stockItemId()).orElseThrow().getUnitCost();
    }

    private Map<Long, StockItem> lineItems(Validation.Errors errors, List<PurchaseLineCommand> lines) {
        Map<Long, StockItem> items = new TreeMap<>();
        if (lines.isEmpty()) {
            errors.add("lines", "must not be empty");
        } else if (lines.size() > MAX_LINES) {
            errors.add("lines", "at most " + MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLineCommand line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null || line.stockItemId() == null) {
                errors.add(at + "stockItemId", "is required");
                continue;
            }
            StockItem item = em.find(StockItem.class, line.stockItemId());
            if (item == null) {
                errors.add(at + "stockItemId", "no stock item " + line.stockItemId());
            } else if (items.put(item.getId(), item) != null) {
                errors.add(at + "stockItemId", "appears more than once");
            }
            Checks.positiveQuantity(errors, at + "quantity", line.quantity());
            Checks.optionalCost(errors, at + "unitCost", line.unitCost());
        }
        return items;
    }

    private PurchaseOrder require(long id, LockModeType lock) {
        TenantContext.require();
        PurchaseOrder po = em.find(PurchaseOrder.class, id, lock);
        if (po == null || !CallerContext.current().mayAccessOutlet(po.getOutletId())) {
            throw new NotFoundException("no purchase order " + id);
        }
        return po;
    }
}
