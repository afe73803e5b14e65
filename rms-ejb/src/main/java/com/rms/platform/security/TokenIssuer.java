package com.rms.platform.security;

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
 * Issues RS256 JWTs signed with the server keystore's key, the same key MicroProfile JWT
 * validates with. Liberty generates that keystore and key on first start unless one is configured.
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

    @Inject
    SigningKeys keys;

    /** A signed token and how many seconds it lives. */
    public record IssuedToken(String token, long expiresIn) {}

    public IssuedToken issue(String subject, String username, String tenant, Set<Role> roles, Set<Long> outlets) {
        Duration life = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        Instant now = Instant.now();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        roles.stream().map(Role::name).sorted().forEach(groups::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", subject)
                .add("upn", username)
                .add("groups", groups)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(life).getEpochSecond());
        if (tenant != null) {
            claims.add("tenant", tenant);
        }
        if (!outlets.isEmpty()) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            outlets.stream().sorted().forEach(ids::add);
            claims.add("outlets", ids);
        }
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.alias() + "\"}");
        String payload = encode(claims.build().toString());
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new IssuedToken(signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(signature.sign()), life.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
