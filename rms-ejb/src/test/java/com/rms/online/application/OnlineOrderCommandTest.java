package com.rms.online.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.rms.pos.application.LineCommand;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request fingerprint that tells a partner's retry (200, the same online order) from a conflicting
 * reuse of its externalRef (409): the same order written differently is the same; any change of what is
 * made, for whom, where or how it is paid is not.
 */
class OnlineOrderCommandTest {

    private static OnlineOrderCommand order(String ref, long item, int quantity, List<Long> modifiers, String name,
            String fulfilment, String address, String method, BigDecimal amount, String notes) {
        return new OnlineOrderCommand(7L, ref, new OnlineOrderCommand.Customer(name, "+49 1", "ann@example.com"),
                fulfilment, address, "2026-12-07T19:00:00+01:00",
                List.of(new LineCommand(item, quantity, modifiers, "no onions", null)),
                new OnlineOrderCommand.Payment(method, amount, null), notes);
    }

    private static OnlineOrderCommand base() {
        return order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY",
                new BigDecimal("12.50"), "ring twice");
    }

    @Test
    void theSameOrderWrittenDifferentlyHasTheSameFingerprint() {
        String f = base().fingerprint();
        assertEquals(f, base().fingerprint());
        assertEquals(f, order(" ext-1 ", 11, 2, List.of(4L, 3L), " Ann", "delivery", "Quay 1 ", "cash_on_delivery",
                new BigDecimal("12.5"), "ring twice").fingerprint(), "blanks, case of enums, modifier order, 12.5 = 12.50");
        OnlineOrderCommand course1 = new OnlineOrderCommand(7L, "r", new OnlineOrderCommand.Customer("A", null, null),
                "PICKUP", null, null, List.of(new LineCommand(11L, 2, null, null, 1)),
                new OnlineOrderCommand.Payment("CASH_ON_DELIVERY", null, null), null);
        OnlineOrderCommand noCourse = new OnlineOrderCommand(7L, "r", new OnlineOrderCommand.Customer("A", null, null),
                "PICKUP", "", null, List.of(new LineCommand(11L, 2, List.of(), null, null)),
                new OnlineOrderCommand.Payment("CASH_ON_DELIVERY", null, null), " ");
        assertEquals(course1.fingerprint(), noCourse.fingerprint(), "course 1 is the default; empty is absent");
    }

    @Test
    void anyChangeOfWhatIsAskedChangesTheFingerprint() {
        String f = base().fingerprint();
        List<OnlineOrderCommand> others = List.of(
                order("ext-2", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 12, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 3, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Bob", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "PICKUP", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 2", "CASH_ON_DELIVERY", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "PREPAID", new BigDecimal("12.50"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("13"), "ring twice"),
                order("ext-1", 11, 2, List.of(3L, 4L), "Ann", "DELIVERY", "Quay 1", "CASH_ON_DELIVERY", new BigDecimal("12.50"), null));
        for (OnlineOrderCommand other : others) {
            assertNotEquals(f, other.fingerprint(), other::toString);
        }
        assertEquals(others.size(), others.stream().map(OnlineOrderCommand::fingerprint).distinct().count());
    }
}
