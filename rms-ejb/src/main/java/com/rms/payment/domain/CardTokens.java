package com.rms.payment.domain;

import com.rms.platform.logging.Redactor;
import java.util.regex.Pattern;

/**
 * What a card token may look like. The server never sees card data: a terminal or the partner's
 * checkout gives the card to the provider and passes on the provider's token (Stripe-compatible:
 * {@code tok_…}, {@code pm_…}, {@code src_…}, {@code card_…}). Anything else is refused before it is
 * stored, logged or sent on — above all a card number, which a careless client may paste with spaces,
 * dashes or dots between its digits or with its expiry and CVC after a {@code |}.
 */
public final class CardTokens {

    /** At most 255 characters, as the provider's own limit for object ids. */
    private static final Pattern SHAPE = Pattern.compile("(tok|pm|src|card)_[A-Za-z0-9_]{1,250}");
    /** Digits with single spaces, dashes or dots between them: how card numbers are written. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ .\\-]?\\d)*");

    private CardTokens() {
    }

    /** Whether {@code token} has the shape of a provider token. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /**
     * Whether {@code text} holds what may be a card number: 13 to 19 digits in a row (separators
     * allowed) that pass the Luhn check, or more than 19 (a number and its expiry or CVC run together).
     */
    public static boolean holdsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        var runs = DIGIT_RUN.matcher(text);
        while (runs.find()) {
            String digits = runs.group().replaceAll("[ .\\-]", "");
            if (digits.length() > 19 || Redactor.luhn(digits)) {
                return true;
            }
        }
        return false;
    }
}
