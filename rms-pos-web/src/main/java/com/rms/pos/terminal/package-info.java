/** The point-of-sale terminal's PIN sign-in at an outlet and the session and request context it gives. */
package com.rms.pos.terminal;
