/** Customers as the POS needs them: contact, points balance and its ledger. */
package com.rms.customer.domain;
