package com.rms.realtime.api;

import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role.Names;
import com.rms.platform.security.TokenIssuer.IssuedToken;
import com.rms.platform.security.TokenIssuer;
import com.rms.web.edge.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/auth/socket-token}: a two-minute token (audience {@code rms-ws}) that opens
 * one {@code /ws/events} socket for the bearer, so a browser never has to put its API token into a
 * socket URL or subprotocol. The socket it opens is closed when the bearer's API token expires.
 * Refused as an API bearer token.
 */
@RequestScoped
@Path("/auth/socket-token")
@Tag(name = ApiTags.REALTIME)
public class SocketTokenResource {

    @Inject
    TokenIssuer tokens;

    @Inject
    JsonWebToken jwt;

    /** The socket token, in OAuth's field names like the sign-in answers. */
    public record SocketTokenResponse(String token, @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn) {}

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR,
        Names.PARTNER})
    @Operation(summary = "A short-lived token that opens one /ws/events socket for the caller",
            description = "Give it as the access_token query parameter or in Sec-WebSocket-Protocol, so that the API "
                    + "token never goes into a socket URL. It is refused as an API token, and the socket it opens is "
                    + "closed when the caller's API token expires. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, "
                    + "BATCH_OPERATOR, PARTNER.")
    @APIResponse(responseCode = "200", description = "{token, token_type, expires_in}: a two-minute token (audience "
            + "rms-ws) for one /ws/events socket.")
    public Response issue() {
        IssuedToken issued = tokens.issueSocket(jwt.getSubject(), CallerContext.current(),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new SocketTokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                .cacheControl(noStore).build();
    }
}
