package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.PurchaseLineCommand;
import com.rms.inventory.application.PurchaseOrderView;
import com.rms.inventory.application.PurchaseOrders;
import com.rms.inventory.application.ReceiptCommand;
import com.rms.inventory.domain.PurchaseOrderStatus;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
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

/**
 * One purchase order ({@code ?id=}): its state and lines, sending and cancelling it, and booking a
 * delivery, where each line takes what arrived and at what cost (lines left empty did not arrive).
 */
@Named
@ViewScoped
public class PurchaseOrderBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PurchaseOrders orders;

    @Inject
    AdminSession session;

    private Long id;
    /** Read from the service, never stored with the view. */
    private transient PurchaseOrderView order;
    /** What arrived, by stock item, as entered in the delivery form. */
    private HashMap<Long, BigDecimal> received = new HashMap<>();
    private HashMap<Long, BigDecimal> receivedCost = new HashMap<>();
    private String done;

    public void load() {
        if (id == null) {
            Messages.error(null, "Choose a purchase order from the list.");
            return;
        }
        try {
            order = orders.get(id);
        } catch (NotFoundException missing) {
            order = null;
            Messages.show(missing, Map.of());
        }
    }

    public void send() {
        change("sent", () -> orders.send(id));
    }

    public void cancel() {
        change("cancelled", () -> orders.cancel(id));
    }

    public void receive() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not receive stock"), Map.of());
            return;
        }
        List<PurchaseLineCommand> lines = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        List<PurchaseOrderView.Line> ordered = getOrder().lines();
        for (int row = 0; row < ordered.size(); row++) {
            long item = ordered.get(row).stockItemId();
            if (received.get(item) != null) {
                String at = "lines[" + lines.size() + "].";
                fields.put(at + "quantity", "poForm:lines:" + row + ":receivedQuantity");
                fields.put(at + "unitCost", "poForm:lines:" + row + ":receivedCost");
                fields.put(at + "stockItemId", "poForm:lines:" + row + ":receivedQuantity");
                lines.add(new PurchaseLineCommand(item, received.get(item), receivedCost.get(item)));
            }
        }
        try {
            order = orders.receive(id, new ReceiptCommand(lines));
            received.clear();
            receivedCost.clear();
            done = "Delivery booked: the purchase order is " + order.status().replace('_', ' ') + ".";
        } catch (ValidationException | BusinessRuleException | ConflictException | NotFoundException refused) {
            Messages.show(refused, fields);
        }
    }

    private void change(String what, java.util.function.Supplier<PurchaseOrderView> action) {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change purchase orders"), Map.of());
            return;
        }
        try {
            order = action.get();
            done = "Purchase order " + what + ".";
        } catch (BusinessRuleException | ConflictException | NotFoundException refused) {
            Messages.show(refused, Map.of());
        }
    }

    private PurchaseOrderStatus status() {
        return getOrder() == null ? null : PurchaseOrderStatus.valueOf(getOrder().status());
    }

    public boolean isMaySend() {
        return status() == PurchaseOrderStatus.DRAFT;
    }

    public boolean isMayCancel() {
        return status() != null && status().mayCancel();
    }

    public boolean isMayReceive() {
        return status() != null && status().mayReceive();
    }

    /** What is still to come of a line. */
    public BigDecimal outstanding(PurchaseOrderView.Line line) {
        return line.quantity().subtract(line.receivedQuantity());
    }

    public PurchaseOrderView getOrder() {
        if (order == null && id != null) {
            load();
        }
        return order;
    }

    public String getDone() {
        return done;
    }

    public Map<Long, BigDecimal> getReceived() {
        return received;
    }

    public Map<Long, BigDecimal> getReceivedCost() {
        return receivedCost;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
