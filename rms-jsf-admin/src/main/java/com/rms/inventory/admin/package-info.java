/** Back-office screens for stock items, outlet stock, recipes, suppliers and purchase orders. */
package com.rms.inventory.admin;
