package com.rms.online.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * A delivery platform or web shop that sends this tenant online orders: its name, the outlets it may
 * send orders to, where its webhooks go, and its key id (the key itself is a {@link PartnerKey} in
 * the control schema). A revoked partner stays, inactive, so its orders keep naming it.
 */
@Entity
@Table(name = "partner")
public class Partner extends BaseEntity {

    @Column(nullable = false)
    private String name;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_outlet", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "outlet_id")
    private Set<Long> outletIds = new HashSet<>();

    protected Partner() {
    }

    public Partner(String name, String keyId, String webhookUrl, Set<Long> outletIds, String createdBy) {
        if (outletIds.isEmpty()) {
            throw new IllegalArgumentException("a partner sends orders to at least one outlet");
        }
        this.name = name;
        this.keyId = keyId;
        this.webhookUrl = webhookUrl;
        this.outletIds = new HashSet<>(outletIds);
        this.createdBy = createdBy;
    }

    /** Revokes the partner for good: it stays listed, inactive. Revoking again changes nothing. */
    public void revoke(Instant now) {
        if (active) {
            active = false;
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public String getName() {
        return name;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Set<Long> getOutletIds() {
        return Set.copyOf(outletIds);
    }
}
