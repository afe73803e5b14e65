package com.rms.online.application;

import com.rms.online.domain.Partner;
import com.rms.online.domain.PartnerKey;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.secret.Secrets;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.ChainRules;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's partners, managed by its owner: created with a key id and a random secret
 * (256 bits), rotated, revoked. A secret is shown once, in the answer that issued it; the server
 * keeps it only sealed with its secret key ({@link Secrets}) in the control schema's
 * {@link PartnerKey}, and never logs it. A rotation keeps the previous secret valid for
 * {@code rms.partners.rotation-grace-seconds} (600, the contract's 10 minutes) so a partner's clients
 * can switch over; a revocation ends every secret at once. Create, rotate and revoke are audited.
 */
@ApplicationScoped
@Transactional
public class Partners {

    private static final RmsLog LOG = RmsLog.of(Partners.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Key ids are public and short; 96 random bits make them unguessable and never clash in practice. */
    private static final int KEY_ID_BYTES = 12;
    private static final int SECRET_BYTES = 32;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Secrets secrets;

    @Inject
    AuditTrail audit;

    @Inject
    Validation validation;

    @Inject
    OutletDirectory outlets;

    @Inject
    @ConfigProperty(name = "rms.partners.rotation-grace-seconds", defaultValue = "600")
    long graceSeconds;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnerView> list(PageRequest paging) {
        requireOwner();
        List<PartnerView> items = em.createQuery("select p from Partner p order by p.name, p.id", Partner.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultStream().map(PartnerView::of)
                .toList();
        long total = em.createQuery("select count(p) from Partner p", Long.class).getSingleResult();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerView get(long id) {
        requireOwner();
        return PartnerView.of(require(id));
    }

    /** Creates a partner and its key; the answer is the only one that ever holds this secret. */
    public PartnerView create(PartnerCommand command) {
        requireOwner();
        String webhookUrl = validate(command);
        String tenant = TenantContext.require().slug();
        String keyId = "pk_" + HexFormat.of().formatHex(random(KEY_ID_BYTES));
        String secret = newSecret();
        Partner partner = new Partner(command.name().trim(), keyId, webhookUrl, command.outletIds(),
                CallerContext.current().username());
        em.persist(partner);
        em.flush();
        em.persist(new PartnerKey(keyId, tenant, partner.getId(), secrets.box().seal(secret,
                PartnerKey.sealOwner(keyId, tenant))));
        audit.record("partner.created", "partner:" + partner.getId(), "name=" + partner.getName() + ", keyId=" + keyId
                + ", outlets=" + partner.getOutletIds().stream().sorted().toList());
        LOG.info(LogContext.SECURITY, "partner " + partner.getId() + " created with key " + keyId);
        return PartnerView.withSecret(partner, secret);
    }

    /** Issues a new secret; the previous one keeps working for the grace period. A revoked partner: 409. */
    public PartnerView rotate(long id) {
        requireOwner();
        Partner partner = require(id);
        PartnerKey key = keyOf(partner);
        if (!partner.isActive() || key.isRevoked()) {
            throw new ConflictException("partner " + id + " is revoked: a revoked key is never rotated");
        }
        String secret = newSecret();
        key.rotate(secrets.box().seal(secret, key.sealOwner()), clock.instant(), grace());
        em.flush();
        audit.record("partner.key.rotated", "partner:" + id, "keyId=" + key.getKeyId() + ", previous secret valid until "
                + key.getPreviousExpiresAt());
        LOG.info(LogContext.SECURITY, "partner " + id + " key " + key.getKeyId() + " rotated; the previous secret is valid "
                + "until " + key.getPreviousExpiresAt());
        return PartnerView.withSecret(partner, secret);
    }

    /** Revokes a partner at once: every secret of its key stops working; the partner stays listed, inactive. */
    public void revoke(long id) {
        requireOwner();
        Partner partner = require(id);
        PartnerKey key = keyOf(partner);
        if (!partner.isActive() && key.isRevoked()) {
            return;
        }
        partner.revoke(clock.instant());
        key.revoke(clock.instant());
        em.flush();
        audit.record("partner.revoked", "partner:" + id, "keyId=" + key.getKeyId());
        LOG.info(LogContext.SECURITY, "partner " + id + " revoked (key " + key.getKeyId() + ")");
    }

    /**
     * The partner a verified key belongs to, as the caller its requests run as: role {@code PARTNER},
     * its outlets; empty when it is gone or revoked. Runs in the key's tenant.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> signedIn(long partnerId, String keyId) {
        Partner partner = em.find(Partner.class, partnerId);
        if (partner == null || !partner.isActive() || !partner.getKeyId().equals(keyId)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(PartnerCallers.username(partnerId), TenantContext.require().slug(),
                Set.of(Role.PARTNER), partner.getOutletIds()));
    }

    /** The outlets the calling partner may send orders to: its own, those still open (active), by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutletView> outletsOf(Caller partner) {
        PartnerCallers.partnerId(partner); // only a partner's signed request asks this (403 for anyone else)
        return partner.outletIds().stream().map(outlets::find).flatMap(Optional::stream).filter(OutletView::active)
                .sorted(Comparator.comparing(OutletView::name).thenComparing(OutletView::id)).toList();
    }

    private Duration grace() {
        return Duration.ofSeconds(graceSeconds);
    }

    private String validate(PartnerCommand command) {
        Validation.Errors errors = validation.check(command);
        String webhookUrl = null;
        if (command != null) {
            webhookUrl = command.webhookUrl() == null || command.webhookUrl().isBlank() ? null : command.webhookUrl().trim();
            errors.httpUrl("webhookUrl", webhookUrl);
            if (command.outletIds() != null) {
                command.outletIds().stream().filter(o -> o != null && !outlets.exists(o)).sorted()
                        .forEach(o -> errors.add("outletIds", "no outlet " + o));
            }
        }
        errors.throwIfAny();
        return webhookUrl;
    }

    private static void requireOwner() {
        TenantContext.require();
        ChainRules.requireChainOwner("manage partners");
    }

    private Partner require(long id) {
        return Optional.ofNullable(em.find(Partner.class, id)).orElseThrow(() -> new NotFoundException("no partner " + id));
    }

    /** The key of a partner of this tenant, locked: rotations and revocations of one key happen one at a time. */
    private PartnerKey keyOf(Partner partner) {
        PartnerKey key = em.find(PartnerKey.class, partner.getKeyId(), LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.getTenant().equals(TenantContext.require().slug()) || key.getPartnerId() != partner.getId()) {
            throw new IllegalStateException("partner " + partner.getId() + " has no key of its own in the control schema");
        }
        return key;
    }

    private static String newSecret() {
        return "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(SECRET_BYTES));
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
