/** REST resources of the online context: partners for owners, and the partner-signed endpoints. */
package com.rms.online.api;
