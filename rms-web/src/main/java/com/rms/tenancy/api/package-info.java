/** REST resources of the tenancy context: tenants, outlets, tables. */
package com.rms.tenancy.api;
