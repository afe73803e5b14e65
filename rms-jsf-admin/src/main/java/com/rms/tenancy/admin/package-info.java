/** Back-office screens for a tenant's outlets and the tables on their floors. */
package com.rms.tenancy.admin;
