/** Inventory's messaging edge: the consumer of the RMS.Inventory queue. */
package com.rms.inventory.infrastructure;
