package com.rms.payment.application;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.rms.payment.domain.TenantPaymentProvider;
import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.ProviderAccount;
import com.rms.payment.provider.ProviderAccounts;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.secret.Secrets;
import com.rms.platform.security.CallerContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The card provider account of each tenant, set by the platform admin: a tenant with its own account
 * is charged there, every other one through the environment's provider. The key is sealed with the
 * server's secret key for that tenant before it is stored, and is never returned or logged; every
 * change goes to the security log. Servers read a tenant's account at most {@link #REFRESH} old,
 * so a change reaches every server of the chain within that time (at once on the server that made it).
 */
@ApplicationScoped
public class PaymentProviders implements ProviderAccounts {

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final RmsLog LOG = RmsLog.of(PaymentProviders.class);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Secrets secrets;

    @Inject
    TenantRegistry tenants;

    @Inject
    CardGateway cards;

    @Inject
    PaymentProviders self;

    /** Keyed by known tenants only (looked up after the edge resolved them), bounded all the same. */
    private final LoadingCache<String, Optional<ProviderAccount>> accounts = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(REFRESH).build(tenant -> self.load(tenant));

    @Override
    public Optional<ProviderAccount> of(String tenant) {
        return accounts.get(tenant);
    }

    /** Reads and opens a tenant's account; a key that does not open is an outage of that tenant's cards, not a 500. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProviderAccount> load(String tenant) {
        TenantPaymentProvider row = em.find(TenantPaymentProvider.class, tenant);
        if (row == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProviderAccount(row.getUrl(), secrets.box().open(row.getSealedKey(), owner(tenant))));
        } catch (IllegalStateException unreadable) {
            LOG.error(LogContext.SECURITY, "the card provider key of tenant " + tenant + " cannot be opened", unreadable);
            throw new ServiceUnavailableException("the card provider of this tenant is misconfigured; no payment was taken",
                    60);
        }
    }

    /** The provider serving {@code slug}: its own, the environment's, or the sandbox. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProviderSettingsView get(String slug) {
        requireTenant(slug);
        return view(slug, em.find(TenantPaymentProvider.class, slug));
    }

    /** Gives {@code slug} its own provider account (replacing any before). */
    @Transactional
    public ProviderSettingsView set(String slug, ProviderSettingsCommand command) {
        requireTenant(slug);
        String url = checked(command);
        TenantPaymentProvider row = em.find(TenantPaymentProvider.class, slug);
        boolean created = row == null;
        if (created) {
            row = new TenantPaymentProvider(slug);
        }
        String by = CallerContext.current().username();
        row.set(url, secrets.box().seal(command.key().trim(), owner(slug)), by, OffsetDateTime.now(ZoneOffset.UTC));
        if (created) {
            em.persist(row);
        }
        em.flush();
        accounts.invalidate(slug);
        LOG.info(LogContext.SECURITY, "card provider of tenant " + slug + " set to " + url + " (key replaced) by " + by);
        return view(slug, row);
    }

    /** Takes {@code slug}'s own account away: its cards go through the environment's provider again. */
    @Transactional
    public ProviderSettingsView remove(String slug) {
        requireTenant(slug);
        TenantPaymentProvider row = em.find(TenantPaymentProvider.class, slug);
        if (row != null) {
            em.remove(row);
            em.flush();
            LOG.info(LogContext.SECURITY, "card provider of tenant " + slug + " removed by "
                    + CallerContext.current().username() + "; the environment's provider serves it again");
        }
        accounts.invalidate(slug);
        return view(slug, null);
    }

    private ProviderSettingsView view(String slug, TenantPaymentProvider row) {
        accounts.invalidate(slug);
        CardGateway.Route route = cards.route(slug);
        if (row != null) {
            return new ProviderSettingsView(slug, "TENANT", route.provider(), row.getUrl(), true, route.circuit(),
                    route.retryAfterSeconds(), row.getUpdatedAt(), row.getUpdatedBy());
        }
        return new ProviderSettingsView(slug, route.source(), route.provider(), route.url(),
                route.keySet(), route.circuit(), route.retryAfterSeconds(), null, null);
    }

    private void requireTenant(String slug) {
        if (slug == null || tenants.find(slug).isEmpty()) {
            throw new NotFoundException("no tenant '" + slug + "'");
        }
    }

    /** The associated data of a tenant's sealed key: a sealed key copied into another tenant's row does not open. */
    private static String owner(String tenant) {
        return "payment-provider:" + tenant;
    }

    /** The URL, normalised; the key's shape. Neither is echoed in an error (the key is a secret). */
    static String checked(ProviderSettingsCommand command) {
        List<FieldError> errors = new ArrayList<>();
        String url = command == null || command.url() == null ? "" : command.url().trim();
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (url.isEmpty() || url.length() > 2048 || !uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                errors.add(new FieldError("url", "must be the provider's http(s) base URL without credentials, query or "
                        + "fragment (at most 2048 characters)"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a URL"));
        }
        String key = command == null || command.key() == null ? "" : command.key().trim();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.add(new FieldError("key", "is required: the provider's secret key (1 to 255 visible ASCII characters)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the card provider settings are invalid", errors);
        }
        return url;
    }
}
