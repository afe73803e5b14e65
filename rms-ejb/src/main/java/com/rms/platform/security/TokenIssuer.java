package com.rms.platform.security;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 JWTs signed with the deployment's signing key ({@link SigningKeys}), the key
 * MicroProfile JWT validates API tokens with; the header's {@code kid} names it in the published
 * JWKS. Two kinds: API tokens (audience {@code rms}, up to 8 h) and socket tokens (audience
 * {@code rms-ws}), which only open a {@code /ws/events} socket within {@link #SOCKET_CONNECT_WINDOW}
 * and are refused as API bearer tokens.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The longest a token may live, whatever is configured. */
    public static final Duration MAX_TTL = Duration.ofHours(8);

    @Inject
    @ConfigProperty(name = "rms.jwt.issuer", defaultValue = "urn:rms")
    String issuer;

    @Inject
    @ConfigProperty(name = "rms.jwt.audience", defaultValue = "rms")
    String audience;

    @Inject
    @ConfigProperty(name = "rms.jwt.ttl", defaultValue = "PT8H")
    Duration ttl;

    /** How long a socket token may be used to open a socket. */
    public static final Duration SOCKET_CONNECT_WINDOW = Duration.ofMinutes(2);

    /** The claim of a socket token that says when the socket it opens is closed (epoch seconds). */
    public static final String SESSION_EXPIRY_CLAIM = "session_exp";

    @Inject
    @ConfigProperty(name = "rms.jwt.socket-audience", defaultValue = "rms-ws")
    String socketAudience;

    @Inject
    SigningKeys keys;

    /** A signed token and how many seconds it lives. */
    public record IssuedToken(String token, long expiresIn) {}

    public IssuedToken issue(String subject, String username, String tenant, Set<Role> roles, Set<Long> outlets) {
        Duration life = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        Instant now = Instant.now();
        return new IssuedToken(sign(claims(audience, subject, username, tenant, roles, outlets, now, now.plus(life))),
                life.toSeconds());
    }

    /**
     * A token that opens one {@code /ws/events} socket for this caller within the next two minutes.
     * The socket lives until {@code sessionExpiry} — the expiry of the API token or POS session it
     * was issued for, never later than {@link #MAX_TTL} from now — and is closed then; the page asks
     * for a new socket token to go on.
     */
    public IssuedToken issueSocket(String subject, Caller caller, Instant sessionExpiry) {
        if (caller.tenant() == null) {
            throw new AuthorizationException("a socket receives a tenant's events: it needs a tenant's token");
        }
        Instant now = Instant.now();
        Instant closeAt = sessionExpiry.isAfter(now.plus(MAX_TTL)) ? now.plus(MAX_TTL) : sessionExpiry;
        if (!closeAt.isAfter(now)) {
            throw new AuthenticationException("the session has expired");
        }
        JsonObjectBuilder claims = claims(socketAudience, subject, caller.username(), caller.tenant(), caller.roles(),
                caller.outletIds(), now, now.plus(SOCKET_CONNECT_WINDOW))
                .add(SESSION_EXPIRY_CLAIM, closeAt.getEpochSecond());
        return new IssuedToken(sign(claims), SOCKET_CONNECT_WINDOW.toSeconds());
    }

    private JsonObjectBuilder claims(String aud, String subject, String username, String tenant, Set<Role> roles,
            Set<Long> outlets, Instant now, Instant expiry) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        roles.stream().map(Role::name).sorted().forEach(groups::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", aud)
                .add("sub", subject)
                .add("upn", username)
                .add("groups", groups)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", expiry.getEpochSecond());
        if (tenant != null) {
            claims.add("tenant", tenant);
        }
        if (!outlets.isEmpty()) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            outlets.stream().sorted().forEach(ids::add);
            claims.add("outlets", ids);
        }
        return claims;
    }

    private String sign(JsonObjectBuilder claims) {
        String header = encode(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT")
                .add("kid", keys.kid()).build().toString());
        String payload = encode(claims.build().toString());
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
