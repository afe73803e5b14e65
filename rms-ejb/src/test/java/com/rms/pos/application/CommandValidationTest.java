package com.rms.pos.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.testing.BeanValidation;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The point of sale's commands under Bean Validation, as the API names their fields: each line,
 * tender and the discount by its path ({@code lines[0].quantity}, {@code payments[0].amount},
 * {@code discount.value}), and a card number in {@code cardToken} refused without being repeated.
 */
class CommandValidationTest {

    static Map<String, String> errors(Object command) {
        try {
            BeanValidation.validation().check(command).throwIfAny();
            return Map.of();
        } catch (ValidationException e) {
            return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
        }
    }

    static LineCommand line(Integer quantity) {
        return new LineCommand(100L, quantity, List.of(), null, null);
    }

    @Test
    void anOrderNamesEachInvalidFieldByItsPath() {
        CreateOrderCommand command = new CreateOrderCommand(null, "DRIVE_THRU", null, null,
                List.of(line(1), line(0), new LineCommand(null, 1000, Collections.nCopies(31, 1L), "n".repeat(201), 10)),
                new DiscountCommand("PERCENT", new BigDecimal("-1"), " "),
                List.of(new TenderCommand("CHEQUE", new BigDecimal("0"), new BigDecimal("-1"), null, null)), null);
        Map<String, String> errors = errors(command);
        assertEquals("is required", errors.get("outletId"));
        assertEquals("must be one of [DINE_IN, TAKEAWAY, DELIVERY, ONLINE]", errors.get("channel"));
        assertEquals("must be between 1 and 999", errors.get("lines[1].quantity"));
        assertEquals("must be between 1 and 999", errors.get("lines[2].quantity"));
        assertEquals("is required", errors.get("lines[2].menuItemId"));
        assertEquals("at most 30 modifiers", errors.get("lines[2].modifierIds"));
        assertEquals("at most 200 characters", errors.get("lines[2].note"));
        assertEquals("must be between 1 and 9", errors.get("lines[2].course"));
        assertEquals("must be greater than 0", errors.get("discount.value"));
        assertEquals("is required (at most 200 characters)", errors.get("discount.reason"));
        assertEquals("must be one of CASH, CARD, GIFT_CARD, LOYALTY_POINTS", errors.get("payments[0].method"));
        assertEquals("must be greater than 0", errors.get("payments[0].amount"));
        assertEquals("must not be negative", errors.get("payments[0].tip"));
        assertEquals("must hold at least one line", errors(new CreateOrderCommand(1L, "TAKEAWAY", null, null, List.of(),
                null, null, null)).get("lines"));
        assertEquals(Map.of(), errors(new CreateOrderCommand(1L, "takeaway", null, null, List.of(line(2)), null, null, null)),
                "the channel in any case");
    }

    @Test
    void aCardNumberInTheCardTokenIsRefusedWithoutRepeatingIt() {
        for (String token : List.of("4242 4242 4242 4242", "4242-4242-4242-4242", "4242424242424242|12/30|123",
                "tok_5555555555554444")) {
            Map<String, String> errors = errors(new TenderCommand("CARD", BigDecimal.ONE, null, token, null));
            assertEquals("must be the card provider's token, never a card number", errors.get("cardToken"), token);
            assertFalse(errors.toString().replaceAll("[^0-9]", "").contains("4242424242424242"));
        }
        assertTrue(errors(new TenderCommand("CARD", BigDecimal.ONE, null, "visa", null)).get("cardToken")
                .startsWith("must be a card provider's token"));
        assertEquals(Map.of(), errors(new TenderCommand("CARD", BigDecimal.ONE, null, "tok_visa", null)));
        assertEquals("is out of range", errors(new TenderCommand("CASH", new BigDecimal("12345678901"), null, null, null))
                .get("amount"));
    }

    @Test
    void aRefundAndAVoidNeedAReason() {
        assertEquals(Map.of("amount", "must be greater than 0", "reason", "is required (at most 200 characters)"),
                errors(new RefundCommand(null, " ", null)));
        assertEquals(Map.of("reason", "is required (at most 200 characters)"), errors(new VoidCommand("r".repeat(201), null)));
    }
}
