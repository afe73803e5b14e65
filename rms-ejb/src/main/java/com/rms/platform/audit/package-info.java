/** Each tenant's append-only, hash-chained audit trail and its verification. */
package com.rms.platform.audit;
