package com.rms.inventory.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A delivery against a purchase order: what arrived, at what cost. */
public record ReceiptCommand(@NotNull List<@Valid PurchaseLineCommand> lines) {
}
