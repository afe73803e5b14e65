package com.rms.inventory.application;

import com.rms.inventory.domain.Costing;
import com.rms.inventory.domain.StockItem;
import com.rms.inventory.domain.Unit;
import com.rms.platform.error.BusinessRuleException;
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
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's stock items: what the chain keeps in stock, its unit, reorder level and
 * costs. SKUs are unique in the tenant; an item's SKU and unit never change, because its ledger is
 * kept in that unit. A changed reorder level takes effect on the item's next movement at each outlet.
 */
@ApplicationScoped
@Transactional
public class StockCatalog {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StockItemView> list(PageRequest paging) {
        TenantContext.require();
        List<StockItemView> items = em.createQuery("select i from StockItem i order by i.sku", StockItem.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(StockItemView::of).toList();
        long total = em.createQuery("select count(i) from StockItem i", Long.class).getSingleResult();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StockItemView get(long id) {
        return StockItemView.of(require(id));
    }

    public StockItemView create(StockItemCommand command) {
        TenantContext.require();
        Unit unit = validate(command);
        String sku = command.sku().trim();
        if (!em.createQuery("select i.id from StockItem i where i.sku = :s", Long.class).setParameter("s", sku)
                .getResultList().isEmpty()) {
            throw new ConflictException("a stock item with SKU '" + sku + "' exists");
        }
        StockItem item = new StockItem(sku, unit, command.unitCost());
        item.update(command.name().trim(), command.reorderLevel(), command.unitCost(), command.isAllowNegative(),
                command.isActive());
        em.persist(item);
        em.flush();
        return StockItemView.of(item);
    }

    public StockItemView update(long id, StockItemCommand command) {
        StockItem item = require(id);
        Unit unit = validate(command);
        if (!item.getSku().equals(command.sku().trim())) {
            throw new BusinessRuleException("the SKU of a stock item cannot change (it is " + item.getSku() + ")");
        }
        if (item.getUnit() != unit) {
            throw new BusinessRuleException("the unit of a stock item cannot change: its stock is kept in "
                    + item.getUnit().code());
        }
        item.update(command.name().trim(), command.reorderLevel(), command.unitCost(), command.isAllowNegative(),
                command.isActive());
        em.flush();
        return StockItemView.of(item);
    }

    private StockItem require(long id) {
        TenantContext.require();
        return Optional.ofNullable(em.find(StockItem.class, id))
                .orElseThrow(() -> new NotFoundException("no stock item " + id));
    }

    private Unit validate(StockItemCommand command) {
        Validation.Errors errors = validation.check(command);
        Optional<Unit> unit = Optional.empty();
        if (command != null) {
            unit = Checks.unit(errors, "unit", command.unit());
            if (command.reorderLevel() != null) {
                Checks.notNegative(errors, "reorderLevel", command.reorderLevel(), Unit.QUANTITY_SCALE);
            }
            if (command.unitCost() != null) {
                Checks.notNegative(errors, "unitCost", command.unitCost(), Costing.COST_SCALE);
            }
        }
        errors.throwIfAny();
        return unit.orElseThrow();
    }
}
