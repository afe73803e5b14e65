/** Form sign-in to the back office over the staff records, and the per-request tenant and caller it implies. */
package com.rms.admin.security;
