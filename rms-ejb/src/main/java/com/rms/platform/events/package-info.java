/** Events of a tenant, fired in a transaction and delivered after commit. */
package com.rms.platform.events;
