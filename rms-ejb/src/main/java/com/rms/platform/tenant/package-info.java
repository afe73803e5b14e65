/** Which tenant a thread works for, and how that reaches every database connection. */
package com.rms.platform.tenant;
