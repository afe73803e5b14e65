package com.rms.platform.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealsWithoutTheSecretInClearAndOpensOnlyForItsOwner() {
        SecretBox box = SecretBox.of(KEY);
        String sealed = box.seal("sk_live_secret", "payment-provider:a");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("sk_live_secret"));
        assertNotEquals(sealed, box.seal("sk_live_secret", "payment-provider:a"), "a fresh IV every time");
        assertEquals("sk_live_secret", box.open(sealed, "payment-provider:a"));
        IllegalStateException moved = assertThrows(IllegalStateException.class, () -> box.open(sealed, "payment-provider:b"));
        assertFalse(moved.getMessage().contains("sk_live"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class,
                () -> SecretBox.of(Base64.getEncoder().encodeToString(other)).open(sealed, "payment-provider:a"));
    }

    @Test
    void aKeyThatIsNot32BytesIsRefused() {
        assertThrows(IllegalStateException.class, () -> SecretBox.of(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> SecretBox.of("not base64!"));
    }

    @Test
    void generatesTheKeyOnceReadableByTheOwnerOnlyAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resources/security/rms-secrets.key");
        SecretBox first = SecretBox.load(Optional.empty(), Optional.empty(), file);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String sealed = first.seal("k", "o");
        String content = Files.readString(file);
        SecretBox again = SecretBox.load(Optional.empty(), Optional.empty(), file);
        assertEquals(content, Files.readString(file), "not regenerated");
        assertEquals("k", again.open(sealed, "o"));
    }

    @Test
    void aKeyFileOrAKeyInTheEnvironmentComesFirst(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("shared.key");
        Files.writeString(keyFile, KEY + "\n");
        Path generated = dir.resolve("generated.key");
        String sealed = SecretBox.load(Optional.of(keyFile.toString()), Optional.empty(), generated).seal("k", "o");
        assertEquals("k", SecretBox.load(Optional.empty(), Optional.of(KEY), generated).open(sealed, "o"));
        assertFalse(Files.exists(generated));
    }
}
