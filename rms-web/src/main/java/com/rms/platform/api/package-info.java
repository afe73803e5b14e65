/** REST resources of the platform: sign-in, audit, system status. */
package com.rms.platform.api;
