/** The one way into the Jakarta Batch runtime, under the server's batch identity. */
package com.rms.platform.batch;
