package com.rms.inventory.api;

import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockItemCommand;
import com.rms.inventory.application.StockItemView;
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

/** The tenant's stock items. */
@Path("/inventory/items")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StockItemResource {

    @Inject
    StockCatalog catalog;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public Page<StockItemView> list(@BeanParam Paging paging) {
        return catalog.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response create(StockItemCommand command, @Context UriInfo uri) {
        StockItemView item = catalog.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(item.id())).build())
                .entity(item).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public StockItemView get(@PathParam("id") long id) {
        return catalog.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public StockItemView update(@PathParam("id") long id, StockItemCommand command) {
        return catalog.update(id, command);
    }
}
