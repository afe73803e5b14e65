package com.rms.online.domain;

import com.rms.platform.tenant.TenantContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's key in the control schema: the public key id, the tenant and partner it belongs to,
 * and its secret, sealed (never held here in clear). After a rotation the previous secret stays
 * valid until its expiry, so a partner can switch its clients over without a gap; a revocation ends
 * every secret at once, for good.
 */
@Entity
@Table(name = "partner_key", schema = TenantContext.CONTROL_SCHEMA)
public class PartnerKey {

    @Id
    @Column(name = "key_id")
    private String keyId;

    @Version
    private long version;

    @Column(name = "tenant_slug", nullable = false, updatable = false)
    private String tenant;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private long partnerId;

    @Column(name = "secret_sealed", nullable = false)
    private String sealedSecret;

    @Column(name = "previous_secret_sealed")
    private String previousSealedSecret;

    @Column(name = "previous_expires_at")
    private OffsetDateTime previousExpiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PartnerKey() {
    }

    public PartnerKey(String keyId, String tenant, long partnerId, String sealedSecret) {
        this.keyId = keyId;
        this.tenant = tenant;
        this.partnerId = partnerId;
        this.sealedSecret = sealedSecret;
    }

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Replaces the secret; the one replaced stays valid for {@code grace} from {@code now}. Only one
     * previous secret is kept: rotating again ends the one before at once.
     */
    public void rotate(String newSealedSecret, Instant now, Duration grace) {
        if (isRevoked()) {
            throw new IllegalStateException("a revoked key is never rotated");
        }
        previousSealedSecret = sealedSecret;
        previousExpiresAt = now.plus(grace).atOffset(ZoneOffset.UTC);
        sealedSecret = newSealedSecret;
    }

    /** Ends every secret of this key at once; the previous one is dropped so nothing of it is kept. */
    public void revoke(Instant now) {
        if (!isRevoked()) {
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
        previousSealedSecret = null;
        previousExpiresAt = null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /**
     * The sealed secrets a request signed at {@code now} may use: none once revoked; the current one;
     * and the previous one strictly before its expiry.
     */
    public List<String> sealedSecretsValidAt(Instant now) {
        List<String> valid = new ArrayList<>(2);
        if (isRevoked()) {
            return valid;
        }
        valid.add(sealedSecret);
        if (previousSealedSecret != null && previousExpiresAt != null && now.isBefore(previousExpiresAt.toInstant())) {
            valid.add(previousSealedSecret);
        }
        return valid;
    }

    /** The associated data its secrets are sealed with: a sealed secret copied to another key or tenant does not open. */
    public String sealOwner() {
        return sealOwner(keyId, tenant);
    }

    public static String sealOwner(String keyId, String tenant) {
        return "partner-key:" + tenant + ":" + keyId;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getTenant() {
        return tenant;
    }

    public long getPartnerId() {
        return partnerId;
    }

    public OffsetDateTime getPreviousExpiresAt() {
        return previousExpiresAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }
}
