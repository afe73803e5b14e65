package com.rms.pos.application;

import com.rms.platform.text.Money;
import com.rms.payment.application.Payments;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.persistence.SharedLock;
import com.rms.platform.security.CallerContext;
import com.rms.pos.domain.CashSession;
import com.rms.pos.domain.LineStatus;
import com.rms.pos.domain.OrderStatus;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cash drawer of an outlet: one session open at a time, opened with a float; cash sales and
 * refunds are booked against it by the settlement; closing with the counted cash produces the Z report
 * (expected vs counted, totals by tender as payment records them, voids, discounts, refunds).
 */
@ApplicationScoped
@Transactional
public class CashDrawer {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutletDirectory outlets;

    @Inject
    Payments payments;

    @Inject
    AuditTrail audit;

    public CashSessionView open(long outletId, BigDecimal openingFloat) {
        money("openingFloat", openingFloat);
        OutletView outlet = outlets.get(outletId);
        if (current(outletId).isPresent()) {
            throw new ConflictException("a cash session is already open at outlet " + outletId);
        }
        CashSession session = new CashSession(outletId, Money.scaled(openingFloat, outlet.currency()),
                CallerContext.current().username());
        try {
            em.persist(session);
            em.flush();
        } catch (PersistenceException concurrent) {
            throw new ConflictException("a cash session is already open at outlet " + outletId);
        }
        audit.record("cash.open", "cash-session:" + session.getId(), "outlet=" + outletId + " float=" + openingFloat);
        return view(session, outlet.currency());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CashSessionView> current(long outletId) {
        OutletView outlet = outlets.get(outletId);
        return em.createQuery("select s from CashSession s where s.outletId = :o and s.status = 'OPEN'", CashSession.class)
                .setParameter("o", outletId).getResultStream().findFirst().map(s -> view(s, outlet.currency()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CashSessionView get(long sessionId) {
        CashSession session = find(sessionId, false);
        return view(session, outlets.get(session.getOutletId()).currency());
    }

    /** Closes the session with the counted cash and writes its Z report. */
    public CashSessionView close(long sessionId, BigDecimal countedCash) {
        money("countedCash", countedCash);
        CashSession session = find(sessionId, true);
        if (!session.isOpen()) {
            throw new BusinessRuleException("cash session " + sessionId + " is already closed");
        }
        String currency = outlets.get(session.getOutletId()).currency();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Payments.SessionTotals totals = payments.sessionTotals(sessionId, session.getOutletId(), session.getOpenedAt(), now);
        BigDecimal counted = Money.scaled(countedCash, currency);
        BigDecimal expected = Money.scaled(session.getOpeningFloat().add(totals.cashIn()).subtract(totals.cashOut()), currency);
        JsonObject report = zReport(session, currency, totals, expected, counted, now);
        session.close(counted, expected, CallerContext.current().username(), report.toString());
        audit.record("cash.close", "cash-session:" + sessionId, "outlet=" + session.getOutletId() + " expected=" + expected
                + " counted=" + counted + " variance=" + counted.subtract(expected));
        return view(session, currency);
    }

    /**
     * The open session of an outlet, for a cash payment or refund; 422 when the drawer is closed. Its row
     * is locked shared until the transaction ends: cash sales of the outlet go on side by side, and
     * {@link #close} (which locks it exclusively) waits for the ones under way and counts their cash, while a
     * sale after it finds the drawer closed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long requireOpen(long outletId) {
        List<?> open = em.createNativeQuery("select id from cash_session where outlet_id = ?1 and status = 'OPEN'"
                + SharedLock.clause(em)).setParameter(1, outletId).getResultList();
        if (open.isEmpty()) {
            throw new BusinessRuleException("no cash session is open at outlet " + outletId
                    + "; open the drawer before taking or giving back cash");
        }
        return ((Number) open.get(0)).longValue();
    }

    private JsonObject zReport(CashSession session, String currency, Payments.SessionTotals totals, BigDecimal expected,
            BigDecimal counted, OffsetDateTime closedAt) {
        long outletId = session.getOutletId();
        OffsetDateTime from = session.getOpenedAt();
        Object[] completed = em.createQuery("select count(o), coalesce(sum(o.total), 0), coalesce(sum(o.discountTotal), 0), "
                + "coalesce(sum(o.taxTotal), 0) from Order o where o.outletId = :o and o.completedAt >= :from "
                + "and o.completedAt < :to", Object[].class).setParameter("o", outletId).setParameter("from", from)
                .setParameter("to", closedAt).getSingleResult();
        long voidedOrders = em.createQuery("select count(o) from Order o where o.outletId = :o and o.status = :voided "
                + "and o.updatedAt >= :from and o.updatedAt < :to", Long.class).setParameter("o", outletId)
                .setParameter("voided", OrderStatus.VOIDED).setParameter("from", from).setParameter("to", closedAt)
                .getSingleResult();
        Object[] voidedLines = em.createQuery("select count(l), coalesce(sum(l.unitPrice * l.quantity), 0) from OrderLine l "
                + "where l.order.outletId = :o and l.status = :voided and l.updatedAt >= :from and l.updatedAt < :to",
                Object[].class).setParameter("o", outletId).setParameter("voided", LineStatus.VOIDED)
                .setParameter("from", from).setParameter("to", closedAt).getSingleResult();
        JsonObjectBuilder byTender = Json.createObjectBuilder();
        for (Map.Entry<String, BigDecimal> tender : totals.byTender().entrySet()) {
            byTender.add(tender.getKey(), Money.scaled(tender.getValue(), currency));
        }
        return Json.createObjectBuilder()
                .add("sessionId", session.getId()).add("outletId", outletId).add("currency", currency)
                .add("openedAt", from.toString()).add("closedAt", closedAt.toString())
                .add("openedBy", session.getOpenedBy()).add("closedBy", CallerContext.current().username())
                .add("openingFloat", Money.scaled(session.getOpeningFloat(), currency))
                .add("cashSales", Money.scaled(totals.cashIn(), currency)).add("cashRefunds", Money.scaled(totals.cashOut(), currency))
                .add("expectedCash", expected).add("countedCash", counted).add("variance", counted.subtract(expected))
                .add("byTender", byTender)
                .add("orders", ((Number) completed[0]).longValue())
                .add("sales", Money.scaled(decimal(completed[1]), currency))
                .add("discounts", Money.scaled(decimal(completed[2]), currency))
                .add("tax", Money.scaled(decimal(completed[3]), currency))
                .add("refunds", Money.scaled(totals.refunds(), currency)).add("refundCount", totals.refundCount())
                .add("voidedOrders", voidedOrders)
                .add("voidedLines", ((Number) voidedLines[0]).longValue())
                .add("voidedLineValue", Money.scaled(decimal(voidedLines[1]), currency))
                .build();
    }

    private CashSession find(long sessionId, boolean lock) {
        CashSession session = lock ? em.find(CashSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(CashSession.class, sessionId);
        if (session == null || !CallerContext.current().mayAccessOutlet(session.getOutletId())) {
            throw new NotFoundException("no cash session " + sessionId);
        }
        return session;
    }

    private static CashSessionView view(CashSession s, String currency) {
        JsonObject report = s.getZReport() == null ? null : Json.createReader(new StringReader(s.getZReport())).readObject();
        BigDecimal variance = s.getCountedCash() == null ? null : s.getCountedCash().subtract(s.getExpectedCash());
        return new CashSessionView(s.getId(), s.getOutletId(), s.getStatus(), Money.scaled(s.getOpeningFloat(), currency),
                s.getOpenedBy(), s.getOpenedAt(), s.getClosedBy(), s.getClosedAt(), Money.scaled(s.getCountedCash(), currency),
                Money.scaled(s.getExpectedCash(), currency), Money.scaled(variance, currency), report);
    }

    private static void money(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.scale() > 3 || value.precision() - value.scale() > 10) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError(field, "must be an amount of 0 or more")));
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
