/** The analytics API: sales grouped by day, hour, item, category, outlet, staff or channel. */
package com.rms.analytics.api;
