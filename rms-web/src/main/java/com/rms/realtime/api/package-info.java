/** The /ws/events WebSocket endpoint and its handshake authentication. */
package com.rms.realtime.api;
