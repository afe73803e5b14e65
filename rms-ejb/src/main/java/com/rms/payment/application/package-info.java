/**
 * Payments: taking tenders (cash, card through the provider port), quick sales, refunds, the
 * drawer's cash totals, and the tenants' own card provider accounts.
 */
package com.rms.payment.application;
