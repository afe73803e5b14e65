/** Stock items, units, recipes, the per-outlet stock ledger and levels, suppliers and purchase orders. */
package com.rms.inventory.domain;
