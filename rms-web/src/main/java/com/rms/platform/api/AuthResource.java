package com.rms.platform.api;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.security.CallerContext;
import com.rms.staff.application.Authenticator.SignedIn;
import com.rms.staff.application.Authenticator;
import com.rms.web.edge.ApiTags;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in: a password for staff and platform users, a PIN for POS staff at an outlet. */
@ApplicationScoped
@Path("/auth")
@PermitAll
@SecurityRequirements
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.AUTH)
public class AuthResource {

    private static final int MAX_USERNAME = 120;
    private static final int MAX_SECRET = 1000;

    @Inject
    Authenticator authenticator;


    /** A password sign-in; platform users omit the tenant. */
    public record PasswordLogin(String tenant, String username, String password) {}

    /** A PIN sign-in at one outlet. */
    public record PinLogin(String tenant, Long outletId, String pin) {}

    /** An issued token, in OAuth's field names. */
    public record TokenResponse(@JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            Set<String> roles) {

        static TokenResponse of(SignedIn signedIn) {
            return new TokenResponse(signedIn.token().token(), "Bearer", signedIn.token().expiresIn(),
                    signedIn.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
    }

    @POST
    @Path("/token")
    @Operation(summary = "Sign in with a password and get a JWT",
            description = "For staff of a tenant (tenant, username, password) and platform users (tenant omitted). "
                    + "No token needed. The answer is {access_token, token_type, expires_in, roles}; use it as "
                    + "Authorization: Bearer.")
    @RequestBody(description = "The credentials.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a tenant's owner", value = """
    {"tenant": "demo", "username": "owner", "password": "correct-horse-battery"}"""),
                @ExampleObject(name = "a platform admin", value = """
    {"username": "admin", "password": "correct-horse-battery"}""")}))
    @APIResponse(responseCode = "200", description = "The token.")
    @APIResponse(responseCode = "400", description = "No body, or a field over its length, or a tenant that is not a "
            + "slug.")
    @APIResponse(responseCode = "401", description = "Unknown tenant, unknown user, wrong password or a locked "
            + "account: one answer for all.")
    @APIResponse(responseCode = "429", description = "Too many sign-ins from this client or for this account; "
            + "Retry-After says when to try again.")
    public TokenResponse token(PasswordLogin login) {
        if (login == null) {
            throw new ValidationException("a JSON body with username and password is required");
        }
        requireShape(login.username(), login.password(), "password");
        return TokenResponse.of(authenticator.password(blankToNull(login.tenant()), login.username(), login.password(),
                CallerContext.clientAddress()));
    }

    @POST
    @Path("/pin")
    @Operation(summary = "Sign in with a PIN at an outlet and get a JWT limited to it",
            description = "For POS staff: tenant, outletId and the member's PIN. The token carries at most the "
                    + "outlet roles (MANAGER, CASHIER, WAITER, KITCHEN) and only that outlet. Repeated wrong PINs "
                    + "lock out. No token needed.")
    @RequestBody(description = "The outlet and PIN.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a cashier's PIN", value = """
    {"tenant": "demo", "outletId": 1, "pin": "4821"}""")}))
    @APIResponse(responseCode = "200", description = "The token.")
    @APIResponse(responseCode = "400", description = "No body, or a field not valid.")
    @APIResponse(responseCode = "401", description = "Unknown tenant or outlet, or a wrong PIN.")
    @APIResponse(responseCode = "429", description = "Too many PIN attempts; Retry-After says when to try again.")
    public TokenResponse pin(PinLogin login) {
        if (login == null) {
            throw new ValidationException("a JSON body with tenant, outletId and pin is required");
        }
        requireShape(null, login.pin(), "pin");
        return TokenResponse.of(authenticator.pin(login.tenant(), login.outletId(), login.pin(),
                CallerContext.clientAddress()));
    }

    /**
     * Refuses, before anything is hashed, credentials longer than any account can have (a megabyte
     * of password would be hashed too). Bad shape is 400, not 401: no account can have it, so it
     * reveals nothing. A tenant that is not a slug is refused the same way by the authenticator,
     * which the back office's and the till's forms share.
     */
    private static void requireShape(String username, String secret, String secretField) {
        List<FieldError> errors = new ArrayList<>();
        if (username != null && username.length() > MAX_USERNAME) {
            errors.add(new FieldError("username", "must be at most " + MAX_USERNAME + " characters"));
        }
        if (secret != null && secret.length() > MAX_SECRET) {
            errors.add(new FieldError(secretField, "must be at most " + MAX_SECRET + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the sign-in has invalid fields", errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
