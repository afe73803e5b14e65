/** Probes of the database, messaging engine and batch repository for health and status. */
package com.rms.platform.health;
