/** Paging of list results. */
package com.rms.platform.paging;
