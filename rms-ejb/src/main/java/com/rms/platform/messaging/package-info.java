/** The side-effect events and their queues: typed events, the receivers that apply a tenant's batch once per consumer, and the exception destinations. */
package com.rms.platform.messaging;
