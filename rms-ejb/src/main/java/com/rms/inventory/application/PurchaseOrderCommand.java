package com.rms.inventory.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A purchase order to draft: from a supplier, for an outlet. */
public record PurchaseOrderCommand(@NotNull Long supplierId, @NotNull Long outletId,
        @NotNull List<@Valid PurchaseLineCommand> lines) {
}
