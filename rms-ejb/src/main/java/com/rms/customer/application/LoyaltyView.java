package com.rms.customer.application;

import com.rms.customer.domain.LoyaltyTransaction;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer's points and their most recent movements, newest first. */
public record LoyaltyView(long customerId, long points, List<Entry> transactions) {

    /** One movement of points. */
    public record Entry(long id, String kind, long points, BigDecimal amount, Long orderId, String note,
            long balanceAfter, OffsetDateTime at) {

        static Entry of(LoyaltyTransaction t) {
            return new Entry(t.getId(), t.getKind().name(), t.getPoints(), t.getAmount(), t.getOrderId(), t.getNote(),
                    t.getBalanceAfter(), t.getAt());
        }
    }
}
