/** The edge of the REST API: request ids, body limits, rate limits, callers, tenants, problems. */
package com.rms.web.edge;
