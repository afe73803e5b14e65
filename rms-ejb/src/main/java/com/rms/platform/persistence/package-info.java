/** What every entity shares: ids from the global sequence, versions, timestamps. */
package com.rms.platform.persistence;
