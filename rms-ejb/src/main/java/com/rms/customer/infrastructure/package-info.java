/** The customer context's messaging edge: the consumer of the RMS.Loyalty queue. */
package com.rms.customer.infrastructure;
