package com.rms.web.edge;

import com.rms.platform.logging.Redactor;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers (PANs) in free text: a run of 13-19 digits, each optionally after one space,
 * dash or dot, that passes Luhn's check — how people type a card number into a note or a name.
 *
 * <p>What is deliberately not a card number:
 * <ul>
 * <li>a run written with a leading {@code +}: an international phone number (E.164 allows up to
 * 15 digits, so a phone can have 13 and pass Luhn by chance; nobody writes a card with a +);</li>
 * <li>a longer run of digits (20 or more): no card has that many, so it is some other reference;</li>
 * <li>in a field named {@code sku}, {@code barcode}, {@code ean} or {@code gtin}: a 13 or 14 digit
 * GS1 product code (EAN-13, GTIN-14) with a valid GS1 check digit, since one in ten of those also
 * passes Luhn. Sixteen digits or more are refused there too.</li>
 * </ul>
 */
final class CardNumbers {

    /** A maximal run of digits with single separators, with the + of a phone number if it has one. */
    private static final Pattern RUN = Pattern.compile("\\+?\\d(?:[ .-]?\\d)*");
    private static final Set<String> PRODUCT_CODE_FIELDS = Set.of("sku", "barcode", "ean", "gtin");

    private CardNumbers() {
    }

    /** Whether {@code text} holds a card number anywhere. */
    static boolean contains(String text) {
        if (text.length() < 13) {
            return false;
        }
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String candidate = run.group();
            if (candidate.charAt(0) != '+' && Redactor.luhn(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} of the field {@code field} is a GS1 product code, which is allowed there. */
    static boolean isProductCode(String field, String value) {
        if (field == null || !PRODUCT_CODE_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() != 13 && digits.length() != 14) {
            return false;
        }
        int sum = 0;
        for (int i = digits.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }
}
