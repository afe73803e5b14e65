package com.rms.payment.domain;

import com.rms.platform.tenant.TenantContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A tenant's own card provider account in the control schema: the base URL and the secret key,
 * sealed (never held here in clear), with who set it last.
 */
@Entity
@Table(name = "tenant_payment_provider", schema = TenantContext.CONTROL_SCHEMA)
public class TenantPaymentProvider {

    @Id
    @Column(name = "tenant_slug")
    private String tenant;

    @Column(nullable = false)
    private String url;

    @Column(name = "api_key_sealed", nullable = false)
    private String sealedKey;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected TenantPaymentProvider() {
    }

    public TenantPaymentProvider(String tenant) {
        this.tenant = tenant;
    }

    public void set(String url, String sealedKey, String by, OffsetDateTime at) {
        this.url = url;
        this.sealedKey = sealedKey;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getTenant() {
        return tenant;
    }

    public String getUrl() {
        return url;
    }

    public String getSealedKey() {
        return sealedKey;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
