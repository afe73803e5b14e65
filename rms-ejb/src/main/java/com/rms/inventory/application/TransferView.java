package com.rms.inventory.application;

/** A transfer: the reference both movements carry and the two levels after it. */
public record TransferView(String reference, StockLevelView from, StockLevelView to) {
}
