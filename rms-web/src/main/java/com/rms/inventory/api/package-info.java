/** REST resources of the inventory context: stock items, recipes, outlet stock, suppliers, purchase orders. */
package com.rms.inventory.api;
