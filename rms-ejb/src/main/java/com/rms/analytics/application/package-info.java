/** Analytics' services: recording sales facts from the RMS.Analytics queue and the sales report over them. */
package com.rms.analytics.application;
