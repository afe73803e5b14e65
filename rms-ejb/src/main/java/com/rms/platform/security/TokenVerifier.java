package com.rms.platform.security;

import com.rms.platform.error.AuthenticationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates a token where MicroProfile JWT cannot (a WebSocket handshake, whose token comes in the
 * query or the subprotocol list): RS256 only, signed by this server's key, our issuer and audience,
 * not expired.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final long CLOCK_SKEW_SECONDS = 60;

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "rms.jwt.issuer", defaultValue = "urn:rms")
    String issuer;

    @Inject
    @ConfigProperty(name = "rms.jwt.audience", defaultValue = "rms")
    String audience;

    public Caller verify(String token) {
        if (token == null) {
            throw new AuthenticationException("a token is required");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new AuthenticationException("the token is malformed");
        }
        try {
            JsonObject header = parse(parts[0]);
            if (!"RS256".equals(header.getString("alg", null))) {
                throw new AuthenticationException("the token's algorithm is not accepted");
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.publicKey());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new AuthenticationException("the token's signature is invalid");
            }
            JsonObject claims = parse(parts[1]);
            long now = Instant.now().getEpochSecond();
            if (!issuer.equals(claims.getString("iss", null)) || !hasAudience(claims.get("aud"))) {
                throw new AuthenticationException("the token was not issued for this service");
            }
            if (!(claims.get("exp") instanceof JsonNumber exp) || exp.longValue() + CLOCK_SKEW_SECONDS < now) {
                throw new AuthenticationException("the token has expired");
            }
            return caller(claims);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new AuthenticationException("the token is malformed");
        }
    }

    private boolean hasAudience(JsonValue aud) {
        if (aud instanceof JsonString s) {
            return audience.equals(s.getString());
        }
        return aud instanceof JsonArray list && list.stream()
                .anyMatch(v -> v instanceof JsonString s && audience.equals(s.getString()));
    }

    private static Caller caller(JsonObject claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get("groups") instanceof JsonArray groups) {
            for (JsonValue g : groups) {
                if (g instanceof JsonString s) {
                    try {
                        roles.add(Role.valueOf(s.getString()));
                    } catch (IllegalArgumentException notARole) {
                        // groups that are not RMS roles grant nothing
                    }
                }
            }
        }
        Set<Long> outlets = new HashSet<>();
        if (claims.get("outlets") instanceof JsonArray ids) {
            ids.forEach(v -> outlets.add(((JsonNumber) v).longValue()));
        }
        return new Caller(claims.getString("upn"), claims.getString("tenant", null), roles, outlets);
    }

    private static JsonObject parse(String part) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
