/** Staff management and sign-in with password or PIN. */
package com.rms.staff.application;
