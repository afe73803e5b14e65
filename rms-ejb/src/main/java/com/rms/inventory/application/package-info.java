/** Inventory use cases: the stock catalogue, recipes, stock levels and movements, purchasing, and the stock port of the POS. */
package com.rms.inventory.application;
