/** Payments: taking tenders (cash, card through the provider port), refunds, and the drawer's cash totals. */
package com.rms.payment.application;
