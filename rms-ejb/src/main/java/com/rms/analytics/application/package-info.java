/** Analytics' services: recording sales facts from the RMS.Analytics queue with their hourly aggregates, the sales report, and the live dashboard. */
package com.rms.analytics.application;
