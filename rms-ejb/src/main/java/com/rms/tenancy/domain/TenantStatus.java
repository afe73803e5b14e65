package com.rms.tenancy.domain;

/** Where a tenant stands: serving, stopped by the platform, or broken by a failed migration. */
public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, UNAVAILABLE
}
