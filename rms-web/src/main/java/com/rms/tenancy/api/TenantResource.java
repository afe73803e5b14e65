package com.rms.tenancy.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.application.ProvisionTenant;
import com.rms.tenancy.application.TenantService;
import com.rms.tenancy.application.TenantView;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import jakarta.annotation.security.RolesAllowed;
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

/** The platform's tenants (restaurant chains): provisioning, listing, suspending. */
@Path("/tenants")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantService tenants;

    @POST
    @Operation(summary = "Provision a tenant: its schema, migrations and owner; answers when it is ready")
    public Response provision(ProvisionTenant command, @Context UriInfo uri) {
        TenantView tenant = tenants.provision(command);
        return Created.at(uri, tenant.slug(), tenant);
    }

    @GET
    public Page<TenantView> list(@BeanParam Paging paging) {
        return tenants.list(paging.request());
    }

    @GET
    @Path("/{slug}")
    public TenantView get(@PathParam("slug") String slug) {
        return tenants.get(slug);
    }

    @POST
    @Path("/{slug}/suspend")
    public TenantView suspend(@PathParam("slug") String slug) {
        return tenants.suspend(slug);
    }

    @POST
    @Path("/{slug}/resume")
    public TenantView resume(@PathParam("slug") String slug) {
        return tenants.resume(slug);
    }
}
