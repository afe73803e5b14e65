package com.rms.payment.api;

import com.rms.payment.application.PaymentProviders;
import com.rms.payment.application.ProviderSettingsCommand;
import com.rms.payment.application.ProviderSettingsView;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's own card provider account (PLATFORM_ADMIN only): {@code PUT {url, key}} sets it,
 * {@code GET} tells which provider serves the tenant ({@code source} TENANT, ENVIRONMENT or SANDBOX,
 * {@code keySet}, never the key), {@code DELETE} falls back to the environment's.
 */
@ApplicationScoped
@Path("/tenants/{slug}/payment-provider")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.PAYMENTS)
public class PaymentProviderResource {

    @Inject
    PaymentProviders providers;

    @GET
    @Operation(summary = "Which card provider serves the tenant, and its circuit (never the key)",
            description = "source is TENANT, ENVIRONMENT or SANDBOX; keySet tells whether a key is stored, never the "
                    + "key. Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The provider settings.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public ProviderSettingsView get(@PathParam("slug") String slug) {
        return providers.get(slug);
    }

    @PUT
    @Operation(summary = "Give the tenant its own Stripe-compatible provider account {url, key}; the key is stored "
            + "sealed",
            description = "The key is stored sealed and never returned; the tenant's card payments use this account "
                    + "from now on. Roles: PLATFORM_ADMIN.")
    @RequestBody(description = "The provider account.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a Stripe-compatible account", value = """
    {"url": "https://payments.example.com", "key": "sk_live_51HxExampleKey"}""")}))
    @APIResponse(responseCode = "200", description = "The provider settings (without the key).")
    @APIResponse(responseCode = "400", description = "url is not an http(s) base URL without credentials, or the key "
            + "is missing or not valid.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public ProviderSettingsView set(@PathParam("slug") String slug, ProviderSettingsCommand command) {
        return providers.set(slug, command);
    }

    @DELETE
    @Operation(summary = "Take the tenant's own account away: the environment's provider serves it again",
            description = "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The provider settings, now the environment's.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public ProviderSettingsView remove(@PathParam("slug") String slug) {
        return providers.remove(slug);
    }
}
