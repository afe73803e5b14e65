/** The floor of the signed-in outlet as the POS shows it: tables as touch tiles with their state. */
package com.rms.tenancy.pos;
