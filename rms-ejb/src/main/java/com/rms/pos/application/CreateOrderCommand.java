package com.rms.pos.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new order. Prices, taxes and totals are never taken from the client. With {@code payments} that
 * cover the total the order is paid and completed in the same call (a quick sale).
 */
public record CreateOrderCommand(
        @NotNull(message = "is required") Long outletId,
        @NotNull(message = "is required")
        @Pattern(regexp = "\\s*(?i:DINE_IN|TAKEAWAY|DELIVERY|ONLINE)\\s*",
                message = "must be one of [DINE_IN, TAKEAWAY, DELIVERY, ONLINE]") String channel,
        Long tableId,
        Long customerId,
        @NotEmpty(message = "must hold at least one line") @Size(max = 200, message = "at most 200 lines per request")
        List<@NotNull(message = "is required") @Valid LineCommand> lines,
        @Valid DiscountCommand discount,
        @Size(max = 20, message = "at most 20 payments per request")
        List<@NotNull(message = "is required") @Valid TenderCommand> payments,
        String managerPin) {

    /** Whether the order is a quick sale: it carries its tenders. */
    public boolean quickSale() {
        return payments != null && !payments.isEmpty();
    }
}
