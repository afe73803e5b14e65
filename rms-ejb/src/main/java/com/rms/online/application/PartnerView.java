package com.rms.online.application;

import com.rms.online.domain.Partner;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A partner as the API shows it. {@code secret} is there only in the answer that issued it (create
 * and rotate); everywhere else it is null, and so absent from the JSON: a secret is shown once.
 */
public record PartnerView(long id, String name, String keyId, String secret, String webhookUrl, List<Long> outletIds,
        boolean active, OffsetDateTime revokedAt, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static PartnerView of(Partner p) {
        return withSecret(p, null);
    }

    static PartnerView withSecret(Partner p, String secret) {
        return new PartnerView(p.getId(), p.getName(), p.getKeyId(), secret, p.getWebhookUrl(),
                p.getOutletIds().stream().sorted().toList(), p.isActive(), p.getRevokedAt(), p.getVersion(),
                p.getCreatedAt(), p.getUpdatedAt());
    }

    @Override
    public String toString() {
        return "PartnerView[id=" + id + ", name=" + name + ", keyId=" + keyId + ", secret=" + (secret == null ? "none" : "***")
                + ", active=" + active + "]";
    }
}
