/** The terminal's cash drawer: opening float, closing count and the Z report. */
package com.rms.pos.drawer;
