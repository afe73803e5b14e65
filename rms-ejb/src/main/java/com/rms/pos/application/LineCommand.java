package com.rms.pos.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A line to add: a menu item, how many, the chosen modifiers (per portion), a note for the kitchen, a course (default 1). */
public record LineCommand(
        @NotNull(message = "is required") Long menuItemId,
        @NotNull(message = "must be between 1 and 999") @Min(value = 1, message = "must be between 1 and 999")
        @Max(value = 999, message = "must be between 1 and 999") Integer quantity,
        @Size(max = 30, message = "at most 30 modifiers") List<Long> modifierIds,
        @Size(max = 200, message = "at most 200 characters") String note,
        @Min(value = 1, message = "must be between 1 and 9") @Max(value = 9, message = "must be between 1 and 9") Integer course) {
}
