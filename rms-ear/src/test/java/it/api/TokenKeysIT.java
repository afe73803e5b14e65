package it.api;

import static it.Api.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, tokens: the JWT signing key is the deployment's own (here the test key file the build
 * gives the server as RMS_JWT_KEY_FILE), named by a kid and published as a JWKS — not the TLS key,
 * which differed per server and signed tokens the API accepted.
 */
class TokenKeysIT {

    private static TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = Api.newTenant("keys");
    }

    private static JsonObject jwk() {
        Reply reply = at("/api/v1/auth/jwks").get();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().getJsonArray("keys").size(), reply::toString);
        return reply.json().getJsonArray("keys").getJsonObject(0);
    }

    private static RSAPublicKey publicKey(JsonObject jwk) throws Exception {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(jwk.getString("n"))), new BigInteger(1, b64.decode(jwk.getString("e")))));
    }

    private static RSAPublicKey keyFilePublicKey() throws Exception {
        char[] password = System.getProperty("rms.jwt.key.password").toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("rms.jwt.key.file")))) {
            ks.load(in, password);
        }
        String alias = Collections.list(ks.aliases()).get(0);
        return (RSAPublicKey) ks.getCertificate(alias).getPublicKey();
    }

    private static RSAPublicKey tlsPublicKey() throws Exception {
        Path server = Path.of(System.getProperty("rms.server.dir"));
        String password = Files.readAllLines(server.resolve("server.env")).stream()
                .filter(l -> l.startsWith("keystore_password=")).findFirst().orElseThrow()
                .substring("keystore_password=".length());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.resolve("resources/security/key.p12"))) {
            ks.load(in, password.toCharArray());
        }
        return (RSAPublicKey) ks.getCertificate("default").getPublicKey();
    }

    @Test
    void aTokensKidNamesThePublishedKeyThatVerifiesIt() throws Exception {
        JsonObject jwk = jwk();
        assertEquals("RSA", jwk.getString("kty"));
        assertEquals("RS256", jwk.getString("alg"));
        assertEquals("sig", jwk.getString("use"));
        assertFalse(jwk.containsKey("d"), "the private exponent is never published");

        String token = tenant.ownerToken();
        JsonObject header = Tokens.header(token);
        assertEquals(jwk.getString("kid"), header.getString("kid"), "the token names the published key");
        RSAPublicKey published = publicKey(jwk);
        assertEquals(Tokens.kid(published), jwk.getString("kid"), "the kid is the RFC 7638 thumbprint");

        String[] parts = token.split("\\.");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(published);
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])), "the published key verifies the token");
    }

    @Test
    void theSigningKeyIsTheConfiguredKeyFileNotTheTlsKey() throws Exception {
        RSAPublicKey published = publicKey(jwk());
        assertEquals(keyFilePublicKey().getModulus(), published.getModulus(), "RMS_JWT_KEY_FILE signs the tokens");
        // the finding: tokens were signed with the server's TLS key, different on every server
        assertNotEquals(tlsPublicKey().getModulus(), published.getModulus(), "the TLS key is not the JWT key");
    }

    @Test
    void aTokenSignedWithTheTlsKeyIsRefusedAndOneSignedWithTheKeyFileAccepted() {
        JsonObject claims = Tokens.claims(tenant.ownerToken());
        String tlsSigned = Tokens.signWithTlsKey(claims);
        Reply refused = at("/api/v1/outlets").token(tlsSigned).tenant(tenant.slug()).get();
        assertEquals(401, refused.status(), refused::toString);
        // the same claims signed by the configured key file (as another server of the chain would) work
        Reply accepted = at("/api/v1/outlets").token(Tokens.signWithServerKey(claims)).tenant(tenant.slug()).get();
        assertEquals(200, accepted.status(), accepted::toString);
    }

    @Test
    void aTlsSignedTokenOpensNoSocketEither() {
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = Json.createObjectBuilder(Tokens.claims(tenant.ownerToken()))
                .add("iat", now).add("exp", now + 600).build();
        Reply refused = at("/ws/events?access_token=" + Tokens.signWithTlsKey(claims)).get();
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("authentication", refused.kind());
    }

    @Test
    void theJwksIsOpenAndNeedsNoTenant() {
        Reply reply = at("/api/v1/auth/jwks").get();
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json")
                || reply.header("Content-Type").startsWith("application/jwk-set+json"), reply::toString);
    }
}
