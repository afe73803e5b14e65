/**
 * Payments as records: the tenders and refunds of orders, written and read for the point of sale
 * with its own records (never calling back into it), the card provider port's use, the drawer's cash
 * totals, and the tenants' own card provider accounts.
 */
package com.rms.payment.application;
