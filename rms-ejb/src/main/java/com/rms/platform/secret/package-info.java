/** Secrets the platform keeps in its database, sealed with the server's own secret key. */
package com.rms.platform.secret;
