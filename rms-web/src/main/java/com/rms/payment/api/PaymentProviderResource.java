package com.rms.payment.api;

import com.rms.payment.application.PaymentProviders;
import com.rms.payment.application.ProviderSettingsCommand;
import com.rms.payment.application.ProviderSettingsView;
import com.rms.platform.security.Role.Names;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * A tenant's own card provider account (PLATFORM_ADMIN only): {@code PUT {url, key}} sets it,
 * {@code GET} tells which provider serves the tenant ({@code source} TENANT, ENVIRONMENT or SANDBOX,
 * {@code keySet}, never the key), {@code DELETE} falls back to the environment's.
 */
@Path("/tenants/{slug}/payment-provider")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentProviderResource {

    @Inject
    PaymentProviders providers;

    @GET
    @Operation(summary = "Which card provider serves the tenant, and its circuit (never the key)")
    public ProviderSettingsView get(@PathParam("slug") String slug) {
        return providers.get(slug);
    }

    @PUT
    @Operation(summary = "Give the tenant its own Stripe-compatible provider account {url, key}; the key is stored sealed")
    public ProviderSettingsView set(@PathParam("slug") String slug, ProviderSettingsCommand command) {
        return providers.set(slug, command);
    }

    @DELETE
    @Operation(summary = "Take the tenant's own account away: the environment's provider serves it again")
    public ProviderSettingsView remove(@PathParam("slug") String slug) {
        return providers.remove(slug);
    }
}
