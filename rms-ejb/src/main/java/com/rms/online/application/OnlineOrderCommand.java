package com.rms.online.application;

import com.rms.platform.text.Hashes;
import com.rms.pos.application.LineCommand;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An online order as a partner sends it ({@code POST /online-orders}). Prices are never taken from it:
 * the lines are sold at the outlet's menu prices; {@code payment.amount} is what the partner says was
 * paid, kept in the request's fingerprint only.
 */
public record OnlineOrderCommand(
        @NotNull(message = "is required") Long outletId,
        @NotBlank(message = "is required (at most 100 characters)")
        @Size(max = 100, message = "is required (at most 100 characters)") String externalRef,
        @NotNull(message = "is required") @Valid Customer customer,
        @NotNull(message = "must be PICKUP or DELIVERY")
        @Pattern(regexp = "\\s*(?i:PICKUP|DELIVERY)\\s*", message = "must be PICKUP or DELIVERY") String fulfilment,
        @Size(max = 500, message = "at most 500 characters") String address,
        String requestedAt,
        @NotEmpty(message = "must hold at least one line") @Size(max = 200, message = "at most 200 lines per request")
        List<@NotNull(message = "is required") @Valid LineCommand> lines,
        @NotNull(message = "is required") @Valid Payment payment,
        @Size(max = 500, message = "at most 500 characters") String notes) {

    /** The customer the order is for. */
    public record Customer(
            @NotBlank(message = "is required (at most 120 characters)")
            @Size(max = 120, message = "is required (at most 120 characters)") String name,
            @Size(max = 40, message = "at most 40 characters") String phone,
            @Email(message = "must be an email address") @Size(max = 254, message = "at most 254 characters") String email) {
    }

    /** How the order is paid. */
    public record Payment(
            @NotNull(message = "must be one of PREPAID, CARD, CASH_ON_DELIVERY")
            @Pattern(regexp = "\\s*(?i:PREPAID|CARD|CASH_ON_DELIVERY)\\s*",
                    message = "must be one of PREPAID, CARD, CASH_ON_DELIVERY") String method,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal amount,
            @Size(max = 255, message = "at most 255 characters") String cardToken) {
    }

    /**
     * What the request asks for, as a SHA-256 over a canonical form: the same order sent again (other
     * whitespace, other key order, {@code 12.5} for {@code 12.50}, surrounding blanks, a modifier list
     * in another order) has the same fingerprint; any change of what would be made, for whom, or how it
     * is paid has another. It tells a partner's retry (200, the same online order) from a conflicting
     * reuse of its reference (409).
     */
    public String fingerprint() {
        JsonObjectBuilder c = Json.createObjectBuilder();
        if (customer != null) {
            put(c, "name", customer.name());
            put(c, "phone", customer.phone());
            put(c, "email", customer.email() == null ? null : customer.email().trim().toLowerCase(java.util.Locale.ROOT));
        }
        JsonArrayBuilder ls = Json.createArrayBuilder();
        for (LineCommand l : lines == null ? List.<LineCommand>of() : lines) {
            JsonObjectBuilder line = Json.createObjectBuilder();
            if (l != null) {
                put(line, "menuItemId", l.menuItemId());
                put(line, "quantity", l.quantity());
                JsonArrayBuilder modifiers = Json.createArrayBuilder();
                (l.modifierIds() == null ? List.<Long>of() : l.modifierIds()).stream().filter(Objects::nonNull).sorted()
                        .forEach(modifiers::add);
                line.add("modifierIds", modifiers);
                put(line, "note", l.note());
                put(line, "course", l.course() == null ? 1 : l.course());
            }
            ls.add(line);
        }
        JsonObjectBuilder p = Json.createObjectBuilder();
        if (payment != null) {
            put(p, "method", payment.method() == null ? null : payment.method().trim().toUpperCase(java.util.Locale.ROOT));
            put(p, "amount", payment.amount() == null ? null : payment.amount().stripTrailingZeros().toPlainString());
            put(p, "cardToken", payment.cardToken());
        }
        JsonObjectBuilder all = Json.createObjectBuilder();
        put(all, "outletId", outletId);
        put(all, "externalRef", externalRef);
        all.add("customer", c);
        put(all, "fulfilment", fulfilment == null ? null : fulfilment.trim().toUpperCase(java.util.Locale.ROOT));
        put(all, "address", address);
        put(all, "requestedAt", requestedAt);
        all.add("lines", ls);
        all.add("payment", p);
        put(all, "notes", notes);
        return Hashes.sha256(all.build().toString());
    }

    private static void put(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.addNull(name);
        } else if (value instanceof Number n) {
            b.add(name, n.longValue());
        } else {
            String s = value.toString().trim();
            if (s.isEmpty()) {
                b.addNull(name);
            } else {
                b.add(name, s);
            }
        }
    }
}
