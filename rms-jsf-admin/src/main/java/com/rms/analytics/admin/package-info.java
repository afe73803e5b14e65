/** The back office's live dashboard: an outlet's business day so far, or every outlet's at a glance. */
package com.rms.analytics.admin;
