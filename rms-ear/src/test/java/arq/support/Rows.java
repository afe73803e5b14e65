package arq.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Reads a tenant's rows over plain JDBC on the server's data source, with schema-qualified table names
 * and outside any transaction: what is committed, independent of the code under test and of the
 * current tenant.
 */
public final class Rows {

    private final String schema;

    public Rows(String slug) {
        this.schema = "t_" + slug;
    }

    /** {@code select count(*) from <table> where <where>}. */
    public long count(String table, String where, Object... args) {
        Object value = single("select count(*) from " + schema + "." + table + (where == null ? "" : " where " + where), args);
        return ((Number) value).longValue();
    }

    /** The first column of the first row, or null when there is none. */
    public Object single(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first row's columns, or null when there is none. */
    public Object[] row(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Object[] row = new Object[r.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getObject(i + 1);
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A statement that changes rows (the tests' own setup), committed at once. */
    public int update(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    /** On hand of a stock item at an outlet (0 without a level row). */
    public BigDecimal onHand(long outletId, long stockItemId) {
        Object value = single("select on_hand from " + schema + ".stock_level where outlet_id = ? and stock_item_id = ?",
                outletId, stockItemId);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal quantity = new BigDecimal(value.toString()).stripTrailingZeros();
        return quantity.scale() < 0 ? quantity.setScale(0) : quantity;
    }

    /** The consumers that applied an event. */
    public long appliedBy(String eventId) {
        return count("processed_event", "event_id = ?", eventId);
    }

    public String schema() {
        return schema;
    }

    static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup("jdbc/rms");
        } catch (NamingException e) {
            throw new IllegalStateException("no jdbc/rms", e);
        }
    }
}
