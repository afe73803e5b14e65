package com.rms.platform.api;

import com.rms.platform.security.SigningKeys;
import com.rms.web.edge.ApiTags;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public key RMS tokens are signed with, as a JWKS (RFC 7517): a partner or a gateway checks
 * tokens offline with it, choosing the key by the token header's {@code kid}. Open like the rest
 * of {@code /auth}: a public key is no secret.
 */
@ApplicationScoped
@Path("/auth/jwks")
@PermitAll
@SecurityRequirements
@Tag(name = ApiTags.AUTH)
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    @Operation(summary = "The JSON Web Key Set that verifies RMS tokens",
            description = "The public key tokens are signed with (RFC 7517), chosen by the token header's kid: a "
                    + "partner or a gateway checks tokens offline with it. No token needed.")
    @APIResponse(responseCode = "200", description = "The key set {keys: [...]}; cacheable for 5 minutes.")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        JsonObject document = keys.jwks();
        return Response.ok(document).cacheControl(cache).build();
    }
}
