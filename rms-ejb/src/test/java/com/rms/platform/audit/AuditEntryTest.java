package com.rms.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456789Z");

    @Test
    void eachLineHashesItsContentAndItsPredecessor() {
        AuditEntry first = new AuditEntry(1, AT, "owner", "staff.created", "staff:mia", "roles=[CASHIER]", null, AuditTrail.GENESIS);
        AuditEntry second = new AuditEntry(2, AT, "owner", "staff.updated", "staff:mia", null, null, first.getHash());
        assertEquals(64, first.getHash().length());
        assertEquals(first.getHash(), first.computeHash(), "the stored hash is the computed one");
        assertNotEquals(first.getHash(), second.getHash());

        AuditEntry forgedPredecessor = new AuditEntry(2, AT, "owner", "staff.updated", "staff:mia", null, null,
                AuditTrail.GENESIS);
        assertNotEquals(second.getHash(), forgedPredecessor.getHash(), "the chain binds each line to the one before");

        AuditEntry otherActor = new AuditEntry(1, AT, "intruder", "staff.created", "staff:mia", "roles=[CASHIER]", null,
                AuditTrail.GENESIS);
        assertNotEquals(first.getHash(), otherActor.getHash(), "every field is covered");
    }

    @Test
    void timeIsHashedAtTheDatabasesPrecision() {
        AuditEntry entry = new AuditEntry(1, AT, "a", "b", null, null, null, AuditTrail.GENESIS);
        assertEquals(Instant.parse("2026-11-25T10:15:30.123456Z"), entry.getAt().toInstant());
    }
}
