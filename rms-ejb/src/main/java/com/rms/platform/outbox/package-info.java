/** The transactional outbox: side-effect events committed with the change, relayed to JMS after commit. */
package com.rms.platform.outbox;
