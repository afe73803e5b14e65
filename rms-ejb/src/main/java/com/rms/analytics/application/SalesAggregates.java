package com.rms.analytics.application;

import com.rms.analytics.domain.SalesDelta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The pre-aggregated sales the dashboard reads ({@code sales_hour} per outlet, business day and
 * hour; {@code sales_item_day} per outlet, business day and menu item), kept by the analytics
 * consumer in the transaction that records the facts they sum.
 *
 * <p>Each delta is an upsert that runs the same on H2 and PostgreSQL: an UPDATE adding to the row,
 * and an INSERT when there was none. Two transactions creating the same row at once cannot both
 * commit (the primary key); the loser fails and the consumer applies its event again on its own
 * ({@code BatchApplier}), when the UPDATE finds the row. Adding in the UPDATE itself keeps
 * concurrent deltas to an existing row exact (the row lock orders them).
 */
@ApplicationScoped
public class SalesAggregates {

    /** One hour of one business day at an outlet, as aggregated. */
    public record Hour(LocalDate day, int hour, int orders, BigDecimal net, BigDecimal tax, BigDecimal gross,
            BigDecimal discounts, BigDecimal refunds) {
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /** Adds what one event recorded, in the caller's (the facts') transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(SalesDelta d) {
        Date day = Date.valueOf(d.businessDay());
        int updated = em.createNativeQuery("update sales_hour set orders = orders + ?1, net = net + ?2, tax = tax + ?3, "
                + "gross = gross + ?4, discounts = discounts + ?5, refunds = refunds + ?6 "
                + "where outlet_id = ?7 and business_day = ?8 and business_hour = ?9")
                .setParameter(1, d.orders()).setParameter(2, d.net()).setParameter(3, d.tax())
                .setParameter(4, d.gross()).setParameter(5, d.discounts()).setParameter(6, d.refunds())
                .setParameter(7, d.outletId()).setParameter(8, day).setParameter(9, d.businessHour()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into sales_hour (orders, net, tax, gross, discounts, refunds, outlet_id, "
                    + "business_day, business_hour) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, d.orders()).setParameter(2, d.net()).setParameter(3, d.tax())
                    .setParameter(4, d.gross()).setParameter(5, d.discounts()).setParameter(6, d.refunds())
                    .setParameter(7, d.outletId()).setParameter(8, day).setParameter(9, d.businessHour())
                    .executeUpdate();
        }
        for (SalesDelta.Item item : d.items()) {
            add(d.outletId(), day, item);
        }
    }

    private void add(long outletId, Date day, SalesDelta.Item item) {
        int updated = em.createNativeQuery("update sales_item_day set quantity = quantity + ?1, net = net + ?2, "
                + "item_name = coalesce(?3, item_name) where outlet_id = ?4 and business_day = ?5 and menu_item_id = ?6")
                .setParameter(1, item.quantity()).setParameter(2, item.net()).setParameter(3, item.name())
                .setParameter(4, outletId).setParameter(5, day).setParameter(6, item.menuItemId()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into sales_item_day (quantity, net, item_name, outlet_id, business_day, "
                    + "menu_item_id) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, item.quantity()).setParameter(2, item.net()).setParameter(3, item.name())
                    .setParameter(4, outletId).setParameter(5, day).setParameter(6, item.menuItemId()).executeUpdate();
        }
    }

    /** The aggregated hours of these business days at the outlet (hours without sales have no row). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hour> hours(long outletId, LocalDate day, LocalDate otherDay) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select business_day, business_hour, orders, net, tax, gross, "
                + "discounts, refunds from sales_hour where outlet_id = ?1 and business_day in (?2, ?3)")
                .setParameter(1, outletId).setParameter(2, Date.valueOf(day)).setParameter(3, Date.valueOf(otherDay))
                .getResultList();
        return rows.stream().map(r -> new Hour(localDate(r[0]), number(r[1]).intValue(), number(r[2]).intValue(),
                decimal(r[3]), decimal(r[4]), decimal(r[5]), decimal(r[6]), decimal(r[7]))).toList();
    }

    /** The day's best-selling items at the outlet by net, then quantity; items sold and all taken back are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SalesDelta.Item> topItems(long outletId, LocalDate day, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select menu_item_id, item_name, quantity, net from sales_item_day "
                + "where outlet_id = ?1 and business_day = ?2 and (quantity <> 0 or net <> 0) "
                + "order by net desc, quantity desc, menu_item_id")
                .setParameter(1, outletId).setParameter(2, Date.valueOf(day)).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new SalesDelta.Item(number(r[0]).longValue(), (String) r[1],
                number(r[2]).intValue(), decimal(r[3]))).toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
