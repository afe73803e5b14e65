package com.rms.inventory.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.security.AdminSession;
import com.rms.inventory.application.AdjustmentCommand;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockLevelView;
import com.rms.inventory.application.TransferCommand;
import com.rms.inventory.application.TransferView;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.PageRequest;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The stock of one outlet (the one named by {@code ?outlet=}, else the switcher's, else the first)
 * with the manual changes owners and managers make there: waste, corrections, counts and transfers.
 * Waste is entered as the quantity thrown away; the ledger records it as a negative change.
 */
@Named
@ViewScoped
public class StockBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the adjustment dialog posts. */
    public enum Kind { WASTE, CORRECTION, COUNT }

    private static final Map<String, String> ADJUST_FIELDS = Map.of(
            "delta", "adjustForm:quantity", "counted", "adjustForm:quantity", "stockItemId", "adjustForm:quantity",
            "note", "adjustForm:note");
    private static final Map<String, String> TRANSFER_FIELDS = Map.of(
            "toOutletId", "transferForm:toOutlet", "quantity", "transferForm:quantity", "stockItemId",
            "transferForm:quantity", "note", "transferForm:note");

    @Inject
    StockControl stock;

    @Inject
    OutletDirectory outlets;

    @Inject
    AdminSession session;

    private Long outlet;
    /** Read from the services, never stored with the view: reloaded whenever they are missing. */
    private transient OutletView current;
    private transient List<StockLevelView> levels;
    private transient List<OutletView> allOutlets;

    private Long selectedItem;
    private Kind kind = Kind.WASTE;
    private BigDecimal quantity;
    private String note;
    private Long toOutlet;
    private String lastDone;

    public void load() {
        Long wanted = outlet != null ? outlet : session.getCurrentOutletId();
        try {
            current = wanted != null ? outlets.get(wanted)
                    : outlets.list(PageRequest.of(0, 1)).items().stream().findFirst().orElse(null);
        } catch (NotFoundException missing) {
            Messages.error(null, "There is no such outlet.");
            current = null;
        }
        if (current == null) {
            levels = List.of();
            return;
        }
        outlet = current.id();
        session.setCurrentOutletId(current.id());
        levels = stock.levels(current.id(), PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    /** Opens the adjustment dialog for one item. */
    public void startAdjustment(long stockItemId, Kind kind) {
        this.selectedItem = stockItemId;
        this.kind = kind;
        this.quantity = null;
        this.note = null;
    }

    /** Opens the transfer dialog for one item. */
    public void startTransfer(long stockItemId) {
        this.selectedItem = stockItemId;
        this.quantity = null;
        this.note = null;
        this.toOutlet = null;
    }

    public void adjust() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change stock"), Map.of());
            return;
        }
        AdjustmentCommand command = switch (kind) {
            case WASTE -> new AdjustmentCommand(selectedItem, quantity == null ? null : quantity.negate(), null,
                    Kind.WASTE.name(), blankToNull(note));
            case CORRECTION -> new AdjustmentCommand(selectedItem, quantity, null, Kind.CORRECTION.name(), blankToNull(note));
            case COUNT -> new AdjustmentCommand(selectedItem, null, quantity, Kind.COUNT.name(), blankToNull(note));
        };
        try {
            StockLevelView after = stock.adjust(outlet, command);
            done(label(kind) + " recorded: " + after.name() + " now " + after.onHand().toPlainString() + " " + after.unit() + ".");
        } catch (ValidationException | BusinessRuleException | NotFoundException refused) {
            Messages.show(refused, ADJUST_FIELDS);
        }
    }

    public void transfer() {
        if (!session.isCanManage()) {
            Messages.show(new AuthorizationException("your role may not change stock"), Map.of());
            return;
        }
        try {
            TransferView moved = stock.transfer(outlet, new TransferCommand(toOutlet, selectedItem, quantity, blankToNull(note)));
            String to = getOtherOutlets().stream().filter(o -> o.id() == moved.to().outletId()).map(OutletView::name)
                    .findFirst().orElse("the other outlet");
            done("Transferred " + quantity.toPlainString() + " " + moved.from().unit() + " of " + moved.from().name()
                    + " to " + to + ".");
        } catch (ValidationException | BusinessRuleException | NotFoundException refused) {
            Messages.show(refused, TRANSFER_FIELDS);
        }
    }

    /** The dialog closes on success, so what was done is shown on the page itself. */
    private void done(String text) {
        levels = null;
        lastDone = text;
    }

    public String getLastDone() {
        return lastDone;
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case WASTE -> "Waste";
            case CORRECTION -> "Correction";
            case COUNT -> "Count";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getKindLabel() {
        return label(kind);
    }

    public String getQuantityLabel() {
        return switch (kind) {
            case WASTE -> "Quantity wasted";
            case CORRECTION -> "Change (+/−)";
            case COUNT -> "Counted on hand";
        };
    }

    /** The item a dialog is about. */
    public StockLevelView getSelected() {
        return selectedItem == null ? null
                : getLevels().stream().filter(l -> l.stockItemId() == selectedItem).findFirst().orElse(null);
    }

    public OutletView getCurrent() {
        if (current == null && outlet != null) {
            load();
        }
        return current;
    }

    public List<StockLevelView> getLevels() {
        if (levels == null) {
            load();
        }
        return levels;
    }

    /** The outlets stock can be sent to from this one. */
    public List<OutletView> getOtherOutlets() {
        return getOutlets().stream().filter(o -> outlet == null || o.id() != outlet).toList();
    }

    public List<OutletView> getOutlets() {
        if (allOutlets == null) {
            allOutlets = outlets.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        }
        return allOutlets;
    }

    public Kind getWaste() {
        return Kind.WASTE;
    }

    public Kind getCorrection() {
        return Kind.CORRECTION;
    }

    public Kind getCount() {
        return Kind.COUNT;
    }

    public Long getOutlet() {
        return outlet;
    }

    public void setOutlet(Long outlet) {
        this.outlet = outlet;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getToOutlet() {
        return toOutlet;
    }

    public void setToOutlet(Long toOutlet) {
        this.toOutlet = toOutlet;
    }
}
