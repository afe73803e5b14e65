package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.PurchaseLineCommand;
import com.rms.inventory.application.PurchaseOrderCommand;
import com.rms.inventory.application.PurchaseOrderView;
import com.rms.inventory.application.PurchaseOrders;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drafts a purchase order: a supplier, the outlet it is delivered to, and its lines. */
@Named
@ViewScoped
public class PurchaseOrderFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line being drafted; an empty unit cost means the stock item's catalogue cost. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long stockItemId;
        private BigDecimal quantity;
        private BigDecimal unitCost;

        public Long getStockItemId() {
            return stockItemId;
        }

        public void setStockItemId(Long stockItemId) {
            this.stockItemId = stockItemId;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getUnitCost() {
            return unitCost;
        }

        public void setUnitCost(BigDecimal unitCost) {
            this.unitCost = unitCost;
        }
    }

    @Inject
    PurchaseOrders orders;

    @Inject
    AdminSession session;

    private Long supplierId;
    private Long outletId;
    private ArrayList<Line> lines = new ArrayList<>();

    public void load() {
        outletId = session.getCurrentOutletId();
        if (lines.isEmpty()) {
            lines.add(new Line());
        }
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    public String save() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not order stock"), Map.of());
            return null;
        }
        List<PurchaseLineCommand> commands = lines.stream()
                .map(l -> new PurchaseLineCommand(l.stockItemId, l.quantity, l.unitCost)).toList();
        try {
            PurchaseOrderView created = orders.create(new PurchaseOrderCommand(supplierId, outletId, commands));
            return "/purchase-order?faces-redirect=true&id=" + created.id();
        } catch (ValidationException | BusinessRuleException | NotFoundException refused) {
            Messages.show(refused, fields());
        }
        return null;
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>(Map.of("supplierId", "poForm:supplier", "outletId", "poForm:outlet"));
        for (int i = 0; i < lines.size(); i++) {
            for (String field : List.of("stockItemId", "quantity", "unitCost")) {
                fields.put("lines[" + i + "]." + field, "poForm:lines:" + i + ":" + field);
            }
        }
        return fields;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public void setSupplierId(Long supplierId) {
        this.supplierId = supplierId;
    }

    public Long getOutletId() {
        return outletId;
    }

    public void setOutletId(Long outletId) {
        this.outletId = outletId;
    }
}
