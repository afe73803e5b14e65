package com.rms.pos.drawer;

import com.rms.platform.error.RmsException;
import com.rms.pos.application.CashDrawer;
import com.rms.pos.application.CashSessionView;
import com.rms.pos.terminal.PosSession;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outlet's cash drawer at the terminal: open a cash session with the opening float, close it
 * with the counted cash and read the Z report the server computed (expected against counted, by
 * tender, voids, discounts, refunds).
 */
@Named
@ViewScoped
public class DrawerBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Z report entries the page already shows in its head lines, or that mean nothing to staff. */
    private static final List<String> SHOWN_ABOVE = List.of("expectedCash", "countedCash", "variance", "sessionId", "outletId");

    @Inject
    CashDrawer drawer;

    @Inject
    PosSession session;

    private BigDecimal openingFloat;
    private BigDecimal countedCash;

    private transient Optional<CashSessionView> current;
    /** The session just closed, shown with its Z report until the page is left. */
    private transient CashSessionView closed;

    /** Opens the page: the drawer is for staff who take money, not for the kitchen. */
    public void enter() throws IOException {
        if (!session.isTakingOrders()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/kitchen.xhtml");
            return;
        }
        load();
    }

    public void load() {
        current = drawer.current(session.getOutletId());
    }

    public void open() {
        if (openingFloat == null || openingFloat.signum() < 0) {
            message(FacesMessage.SEVERITY_ERROR, "Enter the opening float (0 or more).");
            return;
        }
        try {
            CashSessionView opened = drawer.open(session.getOutletId(), openingFloat);
            closed = null;
            openingFloat = null;
            message(FacesMessage.SEVERITY_INFO, "Drawer open with a float of " + amount(opened.openingFloat()) + ".");
        } catch (RmsException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        load();
    }

    public void close() {
        Optional<CashSessionView> open = getCurrent();
        if (open.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "No drawer is open.");
            return;
        }
        if (countedCash == null || countedCash.signum() < 0) {
            message(FacesMessage.SEVERITY_ERROR, "Enter the cash counted in the drawer.");
            return;
        }
        try {
            closed = drawer.close(open.get().id(), countedCash);
            countedCash = null;
            message(FacesMessage.SEVERITY_INFO, "Drawer closed.");
        } catch (RmsException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        load();
    }

    /** One row of the Z report as the page lists it: a label (nested sections joined by " · ") and a value. */
    public record ReportRow(String label, String value, boolean section) {
    }

    public List<ReportRow> getReport() {
        List<ReportRow> rows = new ArrayList<>();
        if (closed != null && closed.zReport() != null) {
            JsonObjectBuilder rest = Json.createObjectBuilder(closed.zReport());
            SHOWN_ABOVE.forEach(rest::remove);
            flatten("", rest.build(), rows);
        }
        return rows;
    }

    private static void flatten(String prefix, JsonObject json, List<ReportRow> rows) {
        json.forEach((key, value) -> {
            String label = prefix.isEmpty() ? words(key) : prefix + " · " + words(key);
            switch (value.getValueType()) {
                case OBJECT -> {
                    rows.add(new ReportRow(label, "", true));
                    flatten(label, value.asJsonObject(), rows);
                }
                case ARRAY -> {
                    int i = 1;
                    for (JsonValue element : value.asJsonArray()) {
                        if (element.getValueType() == JsonValue.ValueType.OBJECT) {
                            flatten(label + " " + i++, element.asJsonObject(), rows);
                        } else {
                            rows.add(new ReportRow(label, text(element), false));
                        }
                    }
                }
                default -> rows.add(new ReportRow(label, text(value), false));
            }
        });
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? value.toString()
                    : com.rms.pos.sale.Money.format(null, ((JsonNumber) value).bigDecimalValue());
            case NULL -> "–";
            default -> value.toString();
        };
    }

    /** "expectedCash" → "Expected cash". */
    private static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** An amount of the drawer as the screen prints it (the server's value, with the minor unit's digits). */
    public String amount(BigDecimal value) {
        return value == null ? "–" : com.rms.pos.sale.Money.format(null, value);
    }

    public Optional<CashSessionView> getCurrent() {
        if (current == null) {
            load();
        }
        return current;
    }

    public CashSessionView getOpenSession() {
        return getCurrent().orElse(null);
    }

    public CashSessionView getClosed() {
        return closed;
    }

    public BigDecimal getOpeningFloat() {
        return openingFloat;
    }

    public void setOpeningFloat(BigDecimal openingFloat) {
        this.openingFloat = openingFloat;
    }

    public BigDecimal getCountedCash() {
        return countedCash;
    }

    public void setCountedCash(BigDecimal countedCash) {
        this.countedCash = countedCash;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
