package com.rms.online.api;

import com.rms.online.application.OnlineOutletSettings.SettingsView;
import com.rms.online.application.OnlineOutletSettings;
import com.rms.online.application.OnlineSettingsCommand;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An outlet's online-order settings: how long an order waits for acceptance, the preparation time it counts on. */
@Path("/outlets/{id}/online-settings")
@TenantScoped
@Tag(name = ApiTags.ONLINE_ORDERS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "X-Tenant-ID missing, or a value out of range (named in errors)",
        content = @Content(mediaType = PartnerResource.PROBLEM))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PartnerResource.PROBLEM))
@APIResponse(responseCode = "403", description = "The role may not do this, or X-Tenant-ID names another tenant",
        content = @Content(mediaType = PartnerResource.PROBLEM))
@ApplicationScoped
@APIResponse(responseCode = "404", description = "No such outlet of the caller's", content = @Content(mediaType = PartnerResource.PROBLEM))
public class OutletOnlineSettingsResource {

    @Inject
    OnlineOutletSettings settings;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Read an outlet's online-order settings", description = "onlineAcceptMinutes and "
            + "onlineReadyMinutes as set (null: the default) and the values in force (effective...).")
    @APIResponse(responseCode = "200", description = "The settings")
    public SettingsView get(@PathParam("id") long outletId) {
        return settings.get(outletId);
    }

    @PUT
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Set an outlet's online-order settings", description = "{onlineAcceptMinutes?, "
            + "onlineReadyMinutes?} (1-240 each; a missing one goes back to its default, 10 and 20). A RECEIVED order "
            + "not accepted within onlineAcceptMinutes is rejected automatically; a new order's estimatedReadyAt "
            + "counts on onlineReadyMinutes. Orders already received keep theirs. Audited.")
    @APIResponse(responseCode = "200", description = "The settings now")
    @RequestBody(description = "The outlet's settings; an absent one goes back to its default.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "accept within 8 minutes, ready in 25", value = """
    {"onlineAcceptMinutes": 8, "onlineReadyMinutes": 25}""")}))
    public SettingsView put(@PathParam("id") long outletId, OnlineSettingsCommand body) {
        return settings.put(outletId, body);
    }
}
