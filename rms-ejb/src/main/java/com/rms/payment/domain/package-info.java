/** Payments and refunds as recorded. */
package com.rms.payment.domain;
