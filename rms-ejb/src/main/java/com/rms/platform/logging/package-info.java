/** Structured, redacted logging with tenant, request, user and context fields. */
package com.rms.platform.logging;
