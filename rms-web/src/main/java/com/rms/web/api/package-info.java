/** The system status resource for platform operators. */
package com.rms.web.api;
