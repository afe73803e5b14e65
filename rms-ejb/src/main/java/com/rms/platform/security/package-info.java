/** Roles, callers, password hashing and token issuing. */
package com.rms.platform.security;
