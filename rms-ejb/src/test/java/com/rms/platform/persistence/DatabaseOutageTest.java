package com.rms.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreOutages() {
        assertTrue(DatabaseOutage.isOutage(new PersistenceException("wrapped",
                new RuntimeException(new SQLTransientConnectionException("pool timed out")))));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.isOutage(new SQLException(
                "FATAL: database \"rms\" is not currently accepting connections", "55000")), "a database closed by its operator");
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.isOutage(batch), "a batch whose next exception lost the connection");
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertFalse(DatabaseOutage.isOutage(new SQLIntegrityConstraintViolationException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("deadlock detected", "40P01")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("cannot DROP TABLE because it is being used", "55000")),
                "the same state for another reason is the work's own failure");
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("no tenant")));
        assertFalse(DatabaseOutage.isOutage(null));
    }
}
