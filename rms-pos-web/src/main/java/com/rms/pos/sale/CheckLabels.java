package com.rms.pos.sale;

import com.rms.payment.application.PaymentView;
import com.rms.pos.application.DiscountView;

/**
 * How the sale screen words what the server answers: an order's status, a line's, a tender and a
 * discount. Display only, and in one place: what a check or a line allows is never read from a status
 * here, but from the server's {@code actions}.
 */
public final class CheckLabels {

    /** How the panel of a check that takes no more lines is headed. */
    public enum Finish {
        /** Paid in full. */
        PAID,
        /** Paid, then refunded in part or in whole. */
        REFUNDED,
        /** Voided: nothing was paid. */
        VOIDED
    }

    private CheckLabels() {
    }

    /** How an order's status reads in the check's header. */
    public static String status(String status) {
        return switch (status) {
            case "OPEN" -> "Open";
            case "SENT" -> "Sent";
            case "COMPLETED" -> "Paid";
            case "VOIDED" -> "Voided";
            case "REFUNDED" -> "Refunded";
            case "PARTIALLY_REFUNDED" -> "Partly refunded";
            default -> status;
        };
    }

    /** How a finished check's panel is headed; none for an order still open (or a status this screen does not know). */
    public static Finish finish(String status) {
        return switch (status) {
            case "COMPLETED" -> Finish.PAID;
            case "PARTIALLY_REFUNDED", "REFUNDED" -> Finish.REFUNDED;
            case "VOIDED" -> Finish.VOIDED;
            default -> null;
        };
    }

    /** Whether a line is shown struck out, with why it was voided. */
    public static boolean voided(String lineStatus) {
        return "VOIDED".equals(lineStatus);
    }

    /** How a tender's method reads. */
    public static String method(String paymentMethod) {
        return switch (paymentMethod) {
            case "CASH" -> "Cash";
            case "CARD" -> "Card";
            case "GIFT_CARD" -> "Gift card";
            case "LOYALTY_POINTS" -> "Points";
            default -> paymentMethod;
        };
    }

    /** A tender in the check's totals: its method, and its status unless it succeeded, e.g. "Card · declined". */
    public static String payment(PaymentView payment) {
        return method(payment.method()) + ("SUCCEEDED".equals(payment.status()) ? "" : " · " + payment.status().toLowerCase());
    }

    /** The check's discount as it reads, e.g. "10 %" or "EUR 2.00"; none without one. */
    public static String discount(DiscountView discount, String currency) {
        if (discount == null) {
            return null;
        }
        return "PERCENT".equals(discount.type()) ? discount.value().stripTrailingZeros().toPlainString() + " %"
                : Money.format(currency, discount.value());
    }
}
