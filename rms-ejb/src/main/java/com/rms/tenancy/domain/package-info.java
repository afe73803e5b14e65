/** Tenants (the control registry), outlets and their tables. */
package com.rms.tenancy.domain;
