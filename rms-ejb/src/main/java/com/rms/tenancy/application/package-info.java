/** Provisioning and migrating tenants, and managing outlets and tables. */
package com.rms.tenancy.application;
