/** REST resources of the staff context. */
package com.rms.staff.api;
