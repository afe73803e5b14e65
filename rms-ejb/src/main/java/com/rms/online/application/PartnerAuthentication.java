package com.rms.online.application;

import com.rms.online.domain.PartnerKey;
import com.rms.online.domain.RequestSignature;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.secret.Secrets;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Checks a partner's signed request (see {@link RequestSignature}) and answers the {@link Caller} it
 * runs as. Every refusal — headers missing, unknown key, a key of another tenant than
 * {@code X-Tenant-ID}, revoked, a timestamp outside the window, a wrong signature — is the same 401
 * {@code authentication} answer, so a caller learns nothing about which part failed; the reason is
 * counted ({@value #FAILURES}, tagged by reason and key: the key id when it is a real key, else
 * {@code unknown}, so no client can grow the metric) and written to the security log, never with the
 * signature or a secret.
 */
@ApplicationScoped
public class PartnerAuthentication {

    static final String FAILURES = "rms.partner.signature.failures";
    static final String REFUSED = "a valid partner signature is required";
    private static final RmsLog LOG = RmsLog.of(PartnerAuthentication.class);
    private static final Pattern KEY_ID = Pattern.compile("pk_[0-9a-f]{24}");
    private static final Metadata FAILURES_METADATA = Metadata.builder().withName(FAILURES)
            .withDescription("Partner requests refused at the signature check, by reason and key").build();

    /** Why a signed request was refused: the tag of the failure count and the word in the security log. */
    public enum Failure {
        MISSING_HEADERS("missing-headers"), UNKNOWN_KEY("unknown-key"), OTHER_TENANT("other-tenant"),
        REVOKED("revoked"), STALE("stale-timestamp"), BAD_SIGNATURE("bad-signature");

        private final String tag;

        Failure(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** What a partner request carries for its signature: the four headers as sent and the raw body. */
    public record SignedRequest(String tenant, String keyId, String timestamp, String signature, byte[] body) {

        @Override
        public String toString() {
            return "SignedRequest[tenant=" + tenant + ", keyId=" + keyId + ", timestamp=" + timestamp + "]";
        }
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Secrets secrets;

    @Inject
    Partners partners;

    @Inject
    TenantRegistry tenants;

    @Inject
    MetricRegistry metrics;

    Clock clock = Clock.systemUTC();

    /**
     * The partner {@code request} was signed by, or a 401. Once the signature is good the tenant
     * must be serving (its refusals as for any caller: 403 suspended, 503 unavailable).
     */
    public Caller authenticate(SignedRequest request) {
        if (blank(request.tenant()) || blank(request.keyId()) || blank(request.timestamp()) || blank(request.signature())) {
            throw refused(Failure.MISSING_HEADERS, request, null);
        }
        PartnerKey key = KEY_ID.matcher(request.keyId()).matches() ? em.find(PartnerKey.class, request.keyId()) : null;
        if (key == null) {
            throw refused(Failure.UNKNOWN_KEY, request, null);
        }
        if (!key.getTenant().equals(request.tenant())) {
            throw refused(Failure.OTHER_TENANT, request, key);
        }
        if (key.isRevoked()) {
            throw refused(Failure.REVOKED, request, key);
        }
        Instant now = clock.instant();
        OptionalLong signedAt = RequestSignature.epochSeconds(request.timestamp());
        if (signedAt.isEmpty() || !RequestSignature.isFresh(signedAt.getAsLong(), now)) {
            throw refused(Failure.STALE, request, key);
        }
        boolean matches = false;
        for (String sealed : key.sealedSecretsValidAt(now)) {
            String secret = open(sealed, key);
            // every valid secret is tried, whichever matches: the time taken does not tell which one did
            matches |= RequestSignature.matches(secret, request.timestamp(), request.body(), request.signature());
        }
        if (!matches) {
            throw refused(Failure.BAD_SIGNATURE, request, key);
        }
        TenantContext.Tenant tenant = tenants.requireServing(key.getTenant()).context();
        Optional<Caller> caller = TenantContext.callAs(tenant, () -> partners.signedIn(key.getPartnerId(), key.getKeyId()));
        return caller.orElseThrow(() -> refused(Failure.REVOKED, request, key));
    }

    /** A sealed secret that does not open is this server's misconfiguration (another secret key): 503, not the partner's fault. */
    private String open(String sealed, PartnerKey key) {
        try {
            return secrets.box().open(sealed, key.sealOwner());
        } catch (IllegalStateException unreadable) {
            LOG.error(LogContext.SECURITY, "the secret of partner key " + key.getKeyId() + " cannot be opened", unreadable);
            throw new ServiceUnavailableException("partner keys cannot be checked on this server; try again later", 60);
        }
    }

    private AuthenticationException refused(Failure failure, SignedRequest request, PartnerKey key) {
        String keyTag = key == null ? "unknown" : key.getKeyId();
        metrics.counter(FAILURES_METADATA, new Tag("reason", failure.tag()), new Tag("key", keyTag)).inc();
        String tenant = request.tenant() == null ? "none" : TenantSlug.isWellFormed(request.tenant()) ? request.tenant()
                : "(not a tenant slug)";
        LOG.warn(LogContext.SECURITY, "partner request refused (" + failure.tag() + "): key " + keyTag + ", X-Tenant-ID "
                + tenant + ", " + CallerContext.request().method() + " " + RmsLog.clip(CallerContext.request().path()));
        return new AuthenticationException(REFUSED);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
