package com.rms.inventory.application;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Stock sent from one outlet to another, in the item's unit. */
public record TransferCommand(@NotNull Long toOutletId, @NotNull Long stockItemId, @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @Size(max = 500) String note) {
}
