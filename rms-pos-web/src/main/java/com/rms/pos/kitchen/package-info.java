/** The kitchen display: a station's tickets as cards, bumped by the cook and refreshed live from the events socket. */
package com.rms.pos.kitchen;
