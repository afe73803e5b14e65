/** Transaction helpers for work that must commit on its own. */
package com.rms.platform.tx;
