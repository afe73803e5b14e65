package com.rms.online.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which secrets of a key a request may be signed with, at a given instant: rotation grace and revocation. */
class PartnerKeyTest {

    static final Instant ROTATED = Instant.parse("2026-12-07T18:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(10);

    @Test
    void aNewKeyHasOnlyItsSecret() {
        PartnerKey key = new PartnerKey("pk_1", "demo", 7, "s1");
        assertEquals(List.of("s1"), key.sealedSecretsValidAt(ROTATED));
    }

    @Test
    void afterARotationThePreviousSecretWorksUntilTheGraceEndsAndNotAtItsEnd() {
        PartnerKey key = new PartnerKey("pk_1", "demo", 7, "s1");
        key.rotate("s2", ROTATED, GRACE);
        assertEquals(List.of("s2", "s1"), key.sealedSecretsValidAt(ROTATED));
        assertEquals(List.of("s2", "s1"), key.sealedSecretsValidAt(ROTATED.plus(GRACE).minusMillis(1)));
        assertEquals(List.of("s2"), key.sealedSecretsValidAt(ROTATED.plus(GRACE)), "10 minutes after: the old secret is gone");
        assertEquals(List.of("s2"), key.sealedSecretsValidAt(ROTATED.plus(Duration.ofHours(1))));
    }

    @Test
    void rotatingAgainEndsTheSecretBeforeAtOnce() {
        PartnerKey key = new PartnerKey("pk_1", "demo", 7, "s1");
        key.rotate("s2", ROTATED, GRACE);
        key.rotate("s3", ROTATED.plusSeconds(5), GRACE);
        assertEquals(List.of("s3", "s2"), key.sealedSecretsValidAt(ROTATED.plusSeconds(6)));
    }

    @Test
    void aRevokedKeyHasNoValidSecretAndIsNeverRotated() {
        PartnerKey key = new PartnerKey("pk_1", "demo", 7, "s1");
        key.rotate("s2", ROTATED, GRACE);
        key.revoke(ROTATED.plusSeconds(1));
        assertTrue(key.isRevoked());
        assertEquals(List.of(), key.sealedSecretsValidAt(ROTATED.plusSeconds(2)));
        assertThrows(IllegalStateException.class, () -> key.rotate("s3", ROTATED.plusSeconds(3), GRACE));
    }

    @Test
    void secretsAreSealedForTheirKeyAndTenant() {
        assertEquals("partner-key:demo:pk_1", new PartnerKey("pk_1", "demo", 7, "s1").sealOwner());
    }
}
