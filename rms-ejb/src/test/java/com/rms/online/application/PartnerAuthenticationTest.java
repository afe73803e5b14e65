package com.rms.online.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.online.application.PartnerAuthentication.SignedRequest;
import com.rms.online.domain.PartnerKey;
import com.rms.online.domain.RequestSignature;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.secret.SecretBox;
import com.rms.platform.secret.Secrets;
import com.rms.platform.security.Caller;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a signed request can be wrong is the same 401, counted under its own reason and the key
 * (only a real key's id); a good one runs as the partner. The database, the tenants and the metric
 * registry are stand-ins; the sealing and the signing are the real ones.
 */
class PartnerAuthenticationTest {

    static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");
    static final String KEY_ID = "pk_0123456789abcdef01234567";
    static final String SECRET = "sk_current";
    static final SecretBox BOX = SecretBox.of(Base64.getEncoder().encodeToString(new byte[32]));

    final Map<String, PartnerKey> keys = new HashMap<>();
    final List<String> counted = new ArrayList<>();
    boolean partnerActive = true;
    String servingTenant;
    PartnerAuthentication authentication;

    @BeforeEach
    void setUp() {
        keys.put(KEY_ID, new PartnerKey(KEY_ID, "demo", 7, BOX.seal(SECRET, PartnerKey.sealOwner(KEY_ID, "demo"))));
        authentication = new PartnerAuthentication();
        authentication.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        authentication.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find") && args.length == 2 && args[0] == PartnerKey.class) {
                        return keys.get((String) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        authentication.secrets = new Secrets() {
            @Override
            public SecretBox box() {
                return BOX;
            }
        };
        authentication.tenants = new TenantRegistry() {
            @Override
            public Entry requireServing(String slug) {
                servingTenant = slug;
                return new Entry(slug, TenantStatus.ACTIVE, null, "EUR", "Europe/Berlin");
            }
        };
        authentication.partners = new Partners() {
            @Override
            public Optional<Caller> signedIn(long partnerId, String keyId) {
                return partnerActive ? Optional.of(new Caller("partner:" + partnerId, TenantContext.require().slug(),
                        Set.of(Role.PARTNER), Set.of(1001L))) : Optional.empty();
            }
        };
        authentication.metrics = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("counter") && args.length == 2 && args[1] instanceof Tag[] tags) {
                        String key = tags[0].getTagName() + "=" + tags[0].getTagValue() + "," + tags[1].getTagName() + "="
                                + tags[1].getTagValue();
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                                (c, m, a) -> {
                                    if (m.getName().equals("inc")) {
                                        counted.add(key);
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static SignedRequest signed(String tenant, String keyId, String secret, long timestamp, String body) {
        String ts = Long.toString(timestamp);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new SignedRequest(tenant, keyId, ts, RequestSignature.sign(secret, ts, bytes), bytes);
    }

    static SignedRequest good() {
        return signed("demo", KEY_ID, SECRET, NOW.getEpochSecond(), "{\"a\":1}");
    }

    void assertRefused(SignedRequest request, String reason, String key) {
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> authentication.authenticate(request));
        assertEquals("a valid partner signature is required", refused.getMessage(), "the same answer for every reason");
        assertEquals(List.of("reason=" + reason + ",key=" + key), counted);
        counted.clear();
    }

    @Test
    void aGoodSignatureRunsAsThePartnerOfItsTenant() {
        Caller caller = authentication.authenticate(good());
        assertEquals("partner:7", caller.username());
        assertEquals("demo", caller.tenant());
        assertEquals(Set.of(Role.PARTNER), caller.roles());
        assertEquals(Set.of(1001L), caller.outletIds());
        assertEquals("demo", servingTenant, "the key's tenant must be serving");
        assertEquals(List.of(), counted);
        assertTrue(TenantContext.current().isEmpty(), "the tenant is not left on the thread");
    }

    @Test
    void missingHeadersAreCountedWithoutAKey() {
        SignedRequest ok = good();
        assertRefused(new SignedRequest(null, ok.keyId(), ok.timestamp(), ok.signature(), ok.body()), "missing-headers", "unknown");
        assertRefused(new SignedRequest("demo", " ", ok.timestamp(), ok.signature(), ok.body()), "missing-headers", "unknown");
        assertRefused(new SignedRequest("demo", ok.keyId(), null, ok.signature(), ok.body()), "missing-headers", "unknown");
        assertRefused(new SignedRequest("demo", ok.keyId(), ok.timestamp(), "", ok.body()), "missing-headers", "unknown");
    }

    @Test
    void unknownAndMalformedKeysAreCountedAsUnknownNeverByTheirName() {
        assertRefused(signed("demo", "pk_ffffffffffffffffffffffff", SECRET, NOW.getEpochSecond(), ""), "unknown-key", "unknown");
        assertRefused(signed("demo", "pk_' or 1=1 --", SECRET, NOW.getEpochSecond(), ""), "unknown-key", "unknown");
    }

    @Test
    void aKeyOfAnotherTenantIsRefusedEvenWithItsRightSignature() {
        assertRefused(signed("other", KEY_ID, SECRET, NOW.getEpochSecond(), ""), "other-tenant", KEY_ID);
    }

    @Test
    void aRevokedKeyOrPartnerIsRefused() {
        keys.get(KEY_ID).revoke(NOW.minusSeconds(1));
        assertRefused(good(), "revoked", KEY_ID);
        setUp();
        partnerActive = false;
        assertRefused(good(), "revoked", KEY_ID);
    }

    @Test
    void theWindowIsThreeHundredSecondsEitherWay() {
        long now = NOW.getEpochSecond();
        authentication.authenticate(signed("demo", KEY_ID, SECRET, now - 300, ""));
        authentication.authenticate(signed("demo", KEY_ID, SECRET, now + 300, ""));
        assertRefused(signed("demo", KEY_ID, SECRET, now - 301, ""), "stale-timestamp", KEY_ID);
        assertRefused(signed("demo", KEY_ID, SECRET, now + 301, ""), "stale-timestamp", KEY_ID);
        SignedRequest ok = good();
        assertRefused(new SignedRequest("demo", KEY_ID, ok.timestamp() + ".0", ok.signature(), ok.body()), "stale-timestamp",
                KEY_ID);
    }

    @Test
    void aWrongSignatureOrAChangedBodyIsRefused() {
        assertRefused(signed("demo", KEY_ID, "sk_guess", NOW.getEpochSecond(), ""), "bad-signature", KEY_ID);
        SignedRequest ok = good();
        assertRefused(new SignedRequest("demo", KEY_ID, ok.timestamp(), ok.signature(),
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8)), "bad-signature", KEY_ID);
    }

    @Test
    void thePreviousSecretWorksUntilItsGraceEnds() {
        PartnerKey key = keys.get(KEY_ID);
        key.rotate(BOX.seal("sk_next", key.sealOwner()), NOW.minus(Duration.ofMinutes(10)).plusSeconds(1), Duration.ofMinutes(10));
        authentication.authenticate(signed("demo", KEY_ID, "sk_next", NOW.getEpochSecond(), ""));
        authentication.authenticate(signed("demo", KEY_ID, SECRET, NOW.getEpochSecond(), ""));
        authentication.clock = Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC);
        assertRefused(signed("demo", KEY_ID, SECRET, NOW.getEpochSecond(), ""), "bad-signature", KEY_ID);
        authentication.authenticate(signed("demo", KEY_ID, "sk_next", NOW.getEpochSecond(), ""));
    }

    @Test
    void aSecretSealedForAnotherKeyDoesNotOpenAndIsTheServersProblemNotAForgery() {
        keys.put(KEY_ID, new PartnerKey(KEY_ID, "demo", 7, BOX.seal(SECRET, PartnerKey.sealOwner("pk_other", "demo"))));
        assertThrows(ServiceUnavailableException.class, () -> authentication.authenticate(good()));
    }
}
