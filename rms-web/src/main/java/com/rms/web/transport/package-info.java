/** Transport security of the API and the socket: HTTPS-only mode and HSTS. */
package com.rms.web.transport;
