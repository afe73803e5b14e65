/** The transactional outbox: events written with the business change, relayed to the JMS queues after commit and swept after a crash. */
package com.rms.platform.outbox;
