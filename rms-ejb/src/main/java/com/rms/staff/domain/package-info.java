/** Staff accounts, roles and the outlets they work at. */
package com.rms.staff.domain;
