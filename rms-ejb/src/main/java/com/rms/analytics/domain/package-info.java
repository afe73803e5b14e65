/** Analytics' model: one sales fact per order line and sale event (sale, refund, void). */
package com.rms.analytics.domain;
