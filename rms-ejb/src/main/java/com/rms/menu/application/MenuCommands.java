package com.rms.menu.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What clients send to change the menu. */
public final class MenuCommands {

    private MenuCommands() {
    }

    /** A tax rate: {@code rate} is a percentage (19.0 is 19 %). */
    public record TaxRateCommand(
            @NotBlank @Size(max = 60) String name,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal rate,
            @NotNull Boolean inclusive) {}

    /** A category; {@code parentId} makes it a sub-category of a top-level one. */
    public record CategoryCommand(
            @NotBlank @Size(max = 80) String name,
            Long parentId,
            @Min(0) @Max(100_000) Integer sortOrder,
            Boolean active) {}

    /** A modifier: {@code priceDelta} may be negative (a smaller portion), never below the item's price. */
    public record ModifierCommand(
            @NotBlank @Size(max = 80) String name,
            @NotNull @Digits(integer = 10, fraction = 2) BigDecimal priceDelta) {}

    /** A modifier group: the guest picks between {@code min} and {@code max} of its modifiers. */
    public record ModifierGroupCommand(
            @NotBlank @Size(max = 80) String name,
            @NotNull @Min(0) Integer min,
            @NotNull @Min(0) Integer max,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid ModifierCommand> modifiers) {}

    /** A menu item with its full set of modifier groups (an update replaces them). */
    public record ItemCommand(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be 1-40 letters, digits, . _ or -") String sku,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 1000) String description,
            @NotNull Long categoryId,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull Long taxRateId,
            @NotBlank @Size(max = 40) String station,
            Boolean active,
            @Size(max = 20) List<@NotNull @Valid ModifierGroupCommand> modifierGroups) {

        public List<ModifierGroupCommand> groups() {
            return modifierGroups == null ? List.of() : modifierGroups;
        }
    }

    /** An outlet's override of an item: its own price (null keeps the chain's) and whether it sells it. */
    public record OverrideCommand(
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull Boolean available) {}
}
