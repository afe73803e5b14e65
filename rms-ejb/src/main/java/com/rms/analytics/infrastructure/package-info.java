/** Analytics' messaging edge: the consumer of the RMS.Analytics queue. */
package com.rms.analytics.infrastructure;
