/** Consuming the side-effect queues: reading an event message, carrying its tenant, applying it once per consumer. */
package com.rms.platform.messaging;
