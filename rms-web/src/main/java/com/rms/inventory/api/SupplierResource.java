package com.rms.inventory.api;

import com.rms.inventory.application.SupplierCommand;
import com.rms.inventory.application.SupplierView;
import com.rms.inventory.application.Suppliers;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The tenant's suppliers. */
@Path("/suppliers")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupplierResource {

    @Inject
    Suppliers suppliers;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public Page<SupplierView> list(@BeanParam Paging paging) {
        return suppliers.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response create(SupplierCommand command, @Context UriInfo uri) {
        SupplierView supplier = suppliers.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(supplier.id())).build())
                .entity(supplier).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public SupplierView get(@PathParam("id") long id) {
        return suppliers.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public SupplierView update(@PathParam("id") long id, SupplierCommand command) {
        return suppliers.update(id, command);
    }
}
