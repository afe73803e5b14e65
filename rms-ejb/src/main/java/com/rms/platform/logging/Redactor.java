package com.rms.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and card data from anything about to be logged: the values of sensitive JSON
 * fields and {@code key=value} pairs, bearer tokens and JWTs, and any digit run that is a valid
 * card number (Luhn), with or without spaces, dashes or dots between the digits.
 */
public final class Redactor {

    public static final String REDACTED = "[REDACTED]";

    private static final String KEYS =
            "password|passwd|pin|token|access_token|refresh_token|cvv|cvc|secret|client_secret|"
            + "authorization|cardnumber|card_number|pan|apikey|api_key|signature";

    /** "key": "value" / "key": 1234 in JSON (value a string, number or literal). */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"(?:" + KEYS + "|[A-Za-z_]*(?:Password|Secret|Token|Pin))\"\\s*:\\s*)(\"(?:\\\\.|[^\"\\\\])*\"|[^,}\\]\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /** key=value in query strings and free text. */
    private static final Pattern PAIR = Pattern.compile(
            "\\b((?:" + KEYS + ")\\s*=\\s*)([^&\\s,;\"]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** 13-19 digits, each optionally after one space, dash or dot: how card numbers are written out. */
    private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ .-]?\\d){12,18}\\b");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = JSON_FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + REDACTED + "\""));
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        out = JWT.matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
        out = PAIR.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
        return CARD.matcher(out).replaceAll(m -> luhn(m.group()) ? Matcher.quoteReplacement(REDACTED) : Matcher.quoteReplacement(m.group()));
    }

    /** Whether {@code candidate} (digits with optional separators) is a 13-19 digit number passing Luhn's check. */
    public static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ .-]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
