package com.rms.pos.application;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.events.Events;
import com.rms.platform.security.CallerContext;
import com.rms.pos.domain.KitchenTicket;
import com.rms.pos.domain.LineStatus;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import com.rms.pos.domain.TicketStatus;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kitchen: an order's lines are routed to one ticket per station and course when the order is
 * sent; held courses wait until fired; cooks move tickets on (bump). Every ticket change is a
 * {@code kitchen.ticket} / {@code kitchen.ticket.updated} event for the outlet after commit.
 */
@ApplicationScoped
@Transactional
public class Kitchen {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletDirectory outlets;

    @Inject
    Events events;

    /** The outlet's tickets, oldest first: by default those not yet served. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> tickets(long outletId, String status, String station) {
        outlets.get(outletId);
        List<FieldError> errors = new ArrayList<>();
        TicketStatus wanted = Inputs.enumOf(TicketStatus.class, status, "status", errors, false);
        Inputs.throwIfAny(errors);
        String jpql = "select t from KitchenTicket t where t.outletId = :o"
                + (wanted == null ? " and t.status <> :served" : " and t.status = :status")
                + (station == null || station.isBlank() ? "" : " and t.station = :station")
                + " order by t.createdAt, t.id";
        var query = em.createQuery(jpql, KitchenTicket.class).setParameter("o", outletId).setMaxResults(500);
        if (wanted == null) {
            query.setParameter("served", TicketStatus.SERVED);
        } else {
            query.setParameter("status", wanted);
        }
        if (station != null && !station.isBlank()) {
            query.setParameter("station", station.trim());
        }
        List<KitchenTicket> tickets = query.getResultList();
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderLine>> lines = em.createQuery("select l from OrderLine l where l.ticketId in :ids "
                + "order by l.lineNo", OrderLine.class).setParameter("ids", tickets.stream().map(KitchenTicket::getId).toList())
                .getResultStream().collect(Collectors.groupingBy(OrderLine::getTicketId));
        return tickets.stream().map(t -> view(t, lines.getOrDefault(t.getId(), List.of()))).toList();
    }

    /** Moves a ticket on; a cook may skip ahead but never go back. */
    public TicketView setStatus(long ticketId, String status) {
        List<FieldError> errors = new ArrayList<>();
        TicketStatus to = Inputs.enumOf(TicketStatus.class, status, "status", errors, true);
        if (to == TicketStatus.HELD || to == TicketStatus.NEW) {
            errors.add(new FieldError("status", "must be IN_PROGRESS, READY or SERVED"));
        }
        Inputs.throwIfAny(errors);
        KitchenTicket ticket = em.find(KitchenTicket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || !CallerContext.current().mayAccessOutlet(ticket.getOutletId())) {
            throw new NotFoundException("no kitchen ticket " + ticketId);
        }
        ticket.move(to);
        em.flush();
        TicketView view = view(ticket, linesOf(ticket.getId()));
        announce("kitchen.ticket.updated", view);
        return view;
    }

    /** Routes the order's unsent active lines into new tickets per station and course; returns how many lines. */
    int route(Order order, Set<Integer> hold) {
        Map<String, List<OrderLine>> groups = new LinkedHashMap<>();
        for (OrderLine line : order.getLines()) {
            if (line.getStatus() == LineStatus.ACTIVE && !line.isSent()) {
                groups.computeIfAbsent(line.getStation() + "\u0000" + line.getCourse(), k -> new ArrayList<>()).add(line);
            }
        }
        int routed = 0;
        for (List<OrderLine> lines : groups.values()) {
            OrderLine first = lines.get(0);
            KitchenTicket ticket = new KitchenTicket(order.getId(), order.getOutletId(), order.getTableId(),
                    first.getStation(), first.getCourse(), hold.contains(first.getCourse()));
            em.persist(ticket);
            lines.forEach(l -> l.routed(ticket.getId()));
            routed += lines.size();
            announce("kitchen.ticket", view(ticket, lines));
        }
        return routed;
    }

    /** Fires the order's held tickets of the given courses; returns how many were fired. */
    int fire(long orderId, Set<Integer> courses) {
        if (courses.isEmpty()) {
            return 0;
        }
        List<KitchenTicket> held = em.createQuery("select t from KitchenTicket t where t.orderId = :o "
                + "and t.status = :held and t.course in :courses", KitchenTicket.class).setParameter("o", orderId)
                .setParameter("held", TicketStatus.HELD).setParameter("courses", List.copyOf(courses)).getResultList();
        held.forEach(t -> {
            t.fire();
            announce("kitchen.ticket.updated", view(t, linesOf(t.getId())));
        });
        return held.size();
    }

    /** Tells the kitchen that a line of one of its tickets was voided. */
    void lineVoided(Long ticketId) {
        if (ticketId == null) {
            return;
        }
        KitchenTicket ticket = em.find(KitchenTicket.class, ticketId);
        if (ticket != null) {
            announce("kitchen.ticket.updated", view(ticket, linesOf(ticketId)));
        }
    }

    private List<OrderLine> linesOf(long ticketId) {
        return em.createQuery("select l from OrderLine l where l.ticketId = :t order by l.lineNo", OrderLine.class)
                .setParameter("t", ticketId).getResultList();
    }

    private static TicketView view(KitchenTicket t, List<OrderLine> lines) {
        return new TicketView(t.getId(), t.getOrderId(), String.valueOf(t.getOrderId()), t.getOutletId(), t.getTableId(),
                t.getStation(), t.getCourse(), t.getStatus().name(), lines.stream().map(l -> new TicketLineView(l.getId(),
                        l.getName(), l.getQuantity(), l.chosenModifiers().stream().map(OrderLine.SoldModifier::name).toList(),
                        l.getNote(), l.getStatus() == LineStatus.VOIDED)).toList(),
                t.getCreatedAt(), t.getFiredAt());
    }

    private void announce(String type, TicketView t) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (TicketLineView l : t.lines()) {
            JsonArrayBuilder modifiers = Json.createArrayBuilder();
            l.modifiers().forEach(modifiers::add);
            JsonObjectBuilder line = Json.createObjectBuilder().add("lineId", l.lineId()).add("name", l.name())
                    .add("quantity", l.quantity()).add("modifiers", modifiers).add("voided", l.voided());
            if (l.note() != null) {
                line.add("note", l.note());
            }
            lines.add(line);
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", t.id()).add("orderId", t.orderId())
                .add("orderNumber", t.orderNumber()).add("station", t.station()).add("course", t.course())
                .add("status", t.status()).add("lines", lines);
        if (t.tableId() != null) {
            data.add("tableId", t.tableId());
        }
        events.publish(t.outletId(), type, data.build());
    }
}
