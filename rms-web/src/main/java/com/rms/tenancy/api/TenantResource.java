package com.rms.tenancy.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.application.ProvisionTenant;
import com.rms.tenancy.application.TenantService;
import com.rms.tenancy.application.TenantView;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's tenants (restaurant chains): provisioning, listing, suspending. */
@ApplicationScoped
@Path("/tenants")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.TENANTS)
public class TenantResource {

    @Inject
    TenantService tenants;

    @POST
    @Operation(summary = "Provision a tenant: its schema, migrations and owner; answers when it is ready",
            description = "Creates the tenant's schema, runs its migrations and creates its OWNER; the answer comes "
                    + "once the tenant can be used. Roles: PLATFORM_ADMIN.")
    @RequestBody(description = "The tenant and its first owner.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a new chain", value = """
    {"slug": "bella_napoli", "name": "Bella Napoli", "currency": "EUR", "timezone": "Europe/Rome",
     "owner": {"username": "giulia", "password": "a-long-secret-2026", "displayName": "Giulia Rossi"}}""")}))
    @APIResponse(responseCode = "201", description = "The tenant, ready; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "409", description = "A tenant with this slug exists.")
    public Response provision(ProvisionTenant command, @Context UriInfo uri) {
        TenantView tenant = tenants.provision(command);
        return Created.at(uri, tenant.slug(), tenant);
    }

    @GET
    @Operation(summary = "List tenants",
            description = "Paged with page (0-based) and size (default 50, max 500): {items, page, size, total}. "
                    + "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "A page of tenants.")
    public Page<TenantView> list(@BeanParam Paging paging) {
        return tenants.list(paging.request());
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Get a tenant",
            description = "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The tenant.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public TenantView get(@PathParam("slug") String slug) {
        return tenants.get(slug);
    }

    @POST
    @Path("/{slug}/suspend")
    @Operation(summary = "Suspend a tenant",
            description = "Its calls are refused (403) until it is resumed. Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The suspended tenant.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public TenantView suspend(@PathParam("slug") String slug) {
        return tenants.suspend(slug);
    }

    @POST
    @Path("/{slug}/resume")
    @Operation(summary = "Resume a suspended tenant",
            description = "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The tenant, serving again.")
    @APIResponse(responseCode = "404", description = "No such tenant.")
    public TenantView resume(@PathParam("slug") String slug) {
        return tenants.resume(slug);
    }
}
