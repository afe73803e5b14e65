package com.rms.online.domain;

import static com.rms.online.domain.OnlineOrderStatus.ACCEPTED;
import static com.rms.online.domain.OnlineOrderStatus.CANCELLED;
import static com.rms.online.domain.OnlineOrderStatus.COMPLETED;
import static com.rms.online.domain.OnlineOrderStatus.PREPARING;
import static com.rms.online.domain.OnlineOrderStatus.READY;
import static com.rms.online.domain.OnlineOrderStatus.RECEIVED;
import static com.rms.online.domain.OnlineOrderStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ConflictException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The online order's lifecycle as API.md has it: every legal move, and every other one a 409. */
class OnlineOrderStatusTest {

    private static final Map<OnlineOrderStatus, Set<OnlineOrderStatus>> LEGAL = Map.of(
            RECEIVED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.of(PREPARING, CANCELLED),
            PREPARING, EnumSet.of(READY, CANCELLED),
            READY, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(OnlineOrderStatus.class),
            REJECTED, EnumSet.noneOf(OnlineOrderStatus.class),
            CANCELLED, EnumSet.noneOf(OnlineOrderStatus.class));

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 7, 18, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void everyPairOfStatusesIsLegalExactlyAsTheContractSays() {
        for (OnlineOrderStatus from : OnlineOrderStatus.values()) {
            for (OnlineOrderStatus to : OnlineOrderStatus.values()) {
                assertEquals(LEGAL.get(from).contains(to), from.canBecome(to), from + " -> " + to);
            }
            assertEquals(LEGAL.get(from).isEmpty(), from.isFinal(), from + " final");
        }
    }

    /** An order brought to {@code status} the legal way. */
    private static OnlineOrder in(OnlineOrderStatus status) {
        OnlineOrder o = new OnlineOrder(1, "ref-1", "f", 2, 3, new OnlineOrder.Details("Ann", null, null,
                Fulfilment.PICKUP, null, null, null, OnlinePayment.CASH_ON_DELIVERY), T.plusMinutes(10), T.plusMinutes(20));
        switch (status) {
            case RECEIVED -> { }
            case REJECTED -> o.reject("closed", "w");
            case CANCELLED -> o.cancel("customer", "p");
            default -> {
                o.accept(T.plusMinutes(15), "w");
                for (OnlineOrderStatus s : new OnlineOrderStatus[] {PREPARING, READY, COMPLETED}) {
                    if (status.compareTo(s) < 0) {
                        break;
                    }
                    o.progress(s, "w");
                }
            }
        }
        assertEquals(status, o.getStatus());
        return o;
    }

    @Test
    void theEntityMovesOnlyAlongLegalTransitionsAndRefusesTheRestWith409() {
        for (OnlineOrderStatus from : OnlineOrderStatus.values()) {
            for (OnlineOrderStatus to : OnlineOrderStatus.values()) {
                OnlineOrder o = in(from);
                Runnable move = switch (to) {
                    case ACCEPTED -> () -> o.accept(T.plusMinutes(30), "w");
                    case REJECTED -> () -> o.reject("r", "w");
                    case CANCELLED -> () -> o.cancel("r", "w");
                    case RECEIVED -> () -> o.requireMove(RECEIVED);
                    default -> () -> o.progress(to, "w");
                };
                if (LEGAL.get(from).contains(to)) {
                    move.run();
                    assertEquals(to, o.getStatus(), from + " -> " + to);
                } else {
                    ConflictException e = assertThrows(ConflictException.class, move::run, from + " -> " + to);
                    assertTrue(e.getMessage().contains(from.name()), e.getMessage());
                    assertEquals(from, o.getStatus(), "a refused move changes nothing");
                }
            }
        }
    }

    @Test
    void aRejectionOrCancellationKeepsItsReasonAndAcceptanceSetsTheReadyTime() {
        OnlineOrder rejected = in(RECEIVED);
        rejected.reject("kitchen closed", "cashier");
        assertEquals("kitchen closed", rejected.getReason());
        assertEquals("cashier", rejected.getChangedBy());
        OnlineOrder accepted = in(RECEIVED);
        accepted.accept(T.plusMinutes(35), "cashier");
        assertEquals(T.plusMinutes(35), accepted.getEstimatedReadyAt());
    }

    @Test
    void aDeliveryNeedsAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> new OnlineOrder.Details("Ann", null, null, Fulfilment.DELIVERY,
                " ", null, null, OnlinePayment.CASH_ON_DELIVERY));
    }
}
