package com.rms.inventory.api;

import com.rms.inventory.application.PurchaseOrderCommand;
import com.rms.inventory.application.PurchaseOrderView;
import com.rms.inventory.application.PurchaseOrders;
import com.rms.inventory.application.ReceiptCommand;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Purchase orders: draft, send, cancel, receive. */
@Path("/purchase-orders")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseOrderResource {

    @Inject
    PurchaseOrders orders;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public Page<PurchaseOrderView> list(@BeanParam Paging paging) {
        return orders.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response create(PurchaseOrderCommand command, @Context UriInfo uri) {
        PurchaseOrderView po = orders.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(po.id())).build())
                .entity(po).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public PurchaseOrderView get(@PathParam("id") long id) {
        return orders.get(id);
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public PurchaseOrderView send(@PathParam("id") long id) {
        return orders.send(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public PurchaseOrderView cancel(@PathParam("id") long id) {
        return orders.cancel(id);
    }

    @POST
    @Path("/{id}/receive")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public PurchaseOrderView receive(@PathParam("id") long id, ReceiptCommand command) {
        return orders.receive(id, command);
    }
}
