/** The REST edge of payments that are not an order's: the platform admin's card provider settings of a tenant. */
package com.rms.payment.api;
