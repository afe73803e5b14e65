/** Real-time fan-out of committed tenant events to WebSocket subscribers. */
package com.rms.realtime;
