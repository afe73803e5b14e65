package com.rms.pos.kitchen;

import com.rms.menu.application.OutletMenus;
import com.rms.platform.error.RmsException;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.TicketView;
import com.rms.pos.sale.MenuBoard;
import com.rms.pos.terminal.PosSession;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TableView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kitchen display of one station (or all): the outlet's tickets as cards, oldest first, each
 * bumped one step on (new → in progress → ready → served) with one tap. The page reloads the board
 * when the events socket announces a ticket or an order change, so cooks never reload by hand.
 */
@Named
@ViewScoped
public class KitchenBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Kitchen kitchen;

    @Inject
    OutletDirectory outlets;

    @Inject
    OutletMenus menus;

    @Inject
    PosSession session;

    /** View parameter: the station shown; empty for every station. */
    private String station;

    private transient List<TicketView> tickets;
    private transient Map<Long, String> tableLabels;
    private transient List<String> stations;

    public void load() {
        tickets = kitchen.tickets(session.getOutletId(), null, station == null || station.isBlank() ? null : station)
                .stream().filter(t -> !"SERVED".equals(t.status()))
                .sorted(Comparator.comparing(KitchenBacking::since).thenComparing(TicketView::id))
                .toList();
    }

    /** Moves a ticket one step on from the status the cook saw on the card. */
    public void bump(long ticketId, String seen) {
        String next = next(seen);
        if (next == null) {
            return;
        }
        try {
            TicketView bumped = kitchen.setStatus(ticketId, next);
            message(FacesMessage.SEVERITY_INFO, bumped.orderNumber() + " " + label(bumped.status()).toLowerCase() + ".");
        } catch (RmsException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        load();
    }

    /** The status a bump moves to; null where the cook has nothing to do (held, served). */
    public String next(String status) {
        return switch (status) {
            case "NEW" -> "IN_PROGRESS";
            case "IN_PROGRESS" -> "READY";
            case "READY" -> "SERVED";
            default -> null;
        };
    }

    public String bumpLabel(String status) {
        return switch (status) {
            case "NEW" -> "Start";
            case "IN_PROGRESS" -> "Ready";
            case "READY" -> "Served";
            default -> "";
        };
    }

    public String label(String status) {
        return switch (status) {
            case "HELD" -> "Held";
            case "NEW" -> "New";
            case "IN_PROGRESS" -> "In progress";
            case "READY" -> "Ready";
            case "SERVED" -> "Served";
            default -> status;
        };
    }

    private static OffsetDateTime since(TicketView ticket) {
        return ticket.firedAt() != null ? ticket.firedAt() : ticket.createdAt();
    }

    /** When the ticket reached the kitchen (fired, or created), in epoch millis for the page's age clock. */
    public long sinceMillis(TicketView ticket) {
        return since(ticket).toInstant().toEpochMilli();
    }

    /** How long the ticket has waited, as the card first shows it; the page's clock keeps it current. */
    public String age(TicketView ticket) {
        long minutes = Duration.between(since(ticket), OffsetDateTime.now()).toMinutes();
        return minutes < 1 ? "just now" : minutes + " min";
    }

    public String table(Long tableId) {
        if (tableId == null) {
            return "Takeaway";
        }
        if (tableLabels == null) {
            tableLabels = outlets.tables(session.getOutletId()).stream()
                    .collect(Collectors.toMap(TableView::id, TableView::label));
        }
        return tableLabels.getOrDefault(tableId, "#" + tableId);
    }

    public List<TicketView> getTickets() {
        if (tickets == null) {
            load();
        }
        return tickets;
    }

    public List<String> getStations() {
        if (stations == null) {
            stations = MenuBoard.parse(menus.menu(session.getOutletId()).json()).stations();
        }
        return stations;
    }

    public String getStation() {
        return station;
    }

    public void setStation(String station) {
        this.station = station;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
