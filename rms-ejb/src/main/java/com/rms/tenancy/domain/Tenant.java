package com.rms.tenancy.domain;

import com.rms.platform.persistence.BaseEntity;
import com.rms.platform.tenant.TenantContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A restaurant chain in the control schema's registry; its business data lives in its own schema. */
@Entity
@Table(name = "tenant", schema = TenantContext.CONTROL_SCHEMA)
public class Tenant extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String timezone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "status_detail")
    private String statusDetail;

    @Column(name = "rate_limit_rps")
    private Integer rateLimitRps;

    @Column(name = "schema_version")
    private String schemaVersion;

    protected Tenant() {
    }

    public Tenant(String slug, String name, String currency, String timezone, Integer rateLimitRps) {
        this.slug = slug;
        this.name = name;
        this.currency = currency;
        this.timezone = timezone;
        this.rateLimitRps = rateLimitRps;
        this.status = TenantStatus.PROVISIONING;
    }

    public String schema() {
        return TenantContext.schemaOf(slug);
    }

    public void migrated(String version) {
        this.schemaVersion = version;
        if (status == TenantStatus.PROVISIONING || status == TenantStatus.UNAVAILABLE) {
            status = TenantStatus.ACTIVE;
            statusDetail = null;
        }
    }

    public void migrationFailed(String detail) {
        status = TenantStatus.UNAVAILABLE;
        statusDetail = detail;
    }

    public void suspend() {
        status = TenantStatus.SUSPENDED;
    }

    public void resume() {
        if (status == TenantStatus.SUSPENDED) {
            status = TenantStatus.ACTIVE;
        }
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getCurrency() {
        return currency;
    }

    public String getTimezone() {
        return timezone;
    }

    public TenantStatus getStatus() {
        return status;
    }

    public String getStatusDetail() {
        return statusDetail;
    }

    public Integer getRateLimitRps() {
        return rateLimitRps;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }
}
