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
 * query or the subprotocol list): RS256 only, signed by the deployment's signing key, our issuer,
 * not expired. A socket accepts an API token (audience {@code rms}; the socket closes at its
 * {@code exp}) or a socket token (audience {@code rms-ws}; opens a socket only within its two
 * minutes, and the socket closes at its {@code session_exp}).
 */
@ApplicationScoped
public class TokenVerifier {

    private static final long CLOCK_SKEW_SECONDS = 60;

    /**
     * A socket token is a two-minute ticket: servers of one deployment keep NTP time, so only a few
     * seconds of drift are allowed, or a token would open sockets well after its two minutes.
     */
    private static final long SOCKET_CLOCK_SKEW_SECONDS = 5;

    /** Who a socket is for, and when it must be closed (its token's or session's end). */
    public record SocketGrant(Caller caller, String subject, Instant closeAt) {}

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "rms.jwt.issuer", defaultValue = "urn:rms")
    String issuer;

    @Inject
    @ConfigProperty(name = "rms.jwt.audience", defaultValue = "rms")
    String audience;

    @Inject
    @ConfigProperty(name = "rms.jwt.socket-audience", defaultValue = "rms-ws")
    String socketAudience;

    /** An API token (audience {@code rms}), as MicroProfile JWT would accept it. */
    public Caller verify(String token) {
        JsonObject claims = verifiedClaims(token);
        if (!hasAudience(claims.get("aud"), audience)) {
            throw new AuthenticationException("the token was not issued for this service");
        }
        return wellFormed(() -> caller(claims));
    }

    /** An API token or a socket token, for opening a {@code /ws/events} socket. */
    public SocketGrant verifySocket(String token) {
        JsonObject claims = verifiedClaims(token);
        return wellFormed(() -> socketGrant(claims));
    }

    private SocketGrant socketGrant(JsonObject claims) {
        if (hasAudience(claims.get("aud"), audience)) {
            return new SocketGrant(caller(claims), claims.getString("sub", null),
                    Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()));
        }
        if (!hasAudience(claims.get("aud"), socketAudience)) {
            throw new AuthenticationException("the token was not issued for this service");
        }
        long now = Instant.now().getEpochSecond();
        long exp = claims.getJsonNumber("exp").longValue();
        if (!(claims.get("iat") instanceof JsonNumber iat)
                || exp - iat.longValue() > TokenIssuer.SOCKET_CONNECT_WINDOW.toSeconds()) {
            throw new AuthenticationException("a socket token must be used within "
                    + TokenIssuer.SOCKET_CONNECT_WINDOW.toSeconds() + " seconds");
        }
        if (exp + SOCKET_CLOCK_SKEW_SECONDS < now) {
            throw new AuthenticationException("the socket token has expired");
        }
        if (!(claims.get(TokenIssuer.SESSION_EXPIRY_CLAIM) instanceof JsonNumber sessionExp)
                || sessionExp.longValue() > iat.longValue() + TokenIssuer.MAX_TTL.toSeconds()) {
            throw new AuthenticationException("the socket token carries no valid session expiry");
        }
        return new SocketGrant(caller(claims), claims.getString("sub", null), Instant.ofEpochSecond(sessionExp.longValue()));
    }

    /** A signed token whose claims have the wrong types is refused like a malformed one, never a 500. */
    private static <T> T wellFormed(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthenticationException("the token is malformed");
        }
    }

    /** Signature, algorithm, issuer and expiry: what every token must pass, whatever its audience. */
    private JsonObject verifiedClaims(String token) {
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
            if (!issuer.equals(claims.getString("iss", null))) {
                throw new AuthenticationException("the token was not issued for this service");
            }
            if (!(claims.get("exp") instanceof JsonNumber exp) || exp.longValue() + CLOCK_SKEW_SECONDS < now) {
                throw new AuthenticationException("the token has expired");
            }
            return claims;
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new AuthenticationException("the token is malformed");
        }
    }

    private static boolean hasAudience(JsonValue aud, String expected) {
        if (aud instanceof JsonString s) {
            return expected.equals(s.getString());
        }
        return aud instanceof JsonArray list && list.stream()
                .anyMatch(v -> v instanceof JsonString s && expected.equals(s.getString()));
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
