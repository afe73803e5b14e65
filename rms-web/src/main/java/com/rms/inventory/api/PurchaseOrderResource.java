package com.rms.inventory.api;

import com.rms.inventory.application.PurchaseOrderCommand;
import com.rms.inventory.application.PurchaseOrderView;
import com.rms.inventory.application.PurchaseOrders;
import com.rms.inventory.application.ReceiptCommand;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
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

/** Purchase orders: draft, send, cancel, receive. */
@ApplicationScoped
@Path("/purchase-orders")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class PurchaseOrderResource {

    /** The 404 of a purchase order. */
    static final String NOT_FOUND = "No such purchase order in this tenant.";

    @Inject
    PurchaseOrders orders;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "List purchase orders",
            description = "Paged with page (0-based) and size (default 50, max 500): {items, page, size, total}. "
                    + "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of purchase orders.")
    public Page<PurchaseOrderView> list(@BeanParam Paging paging) {
        return orders.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Draft a purchase order",
            description = "To one supplier for one outlet, with lines {stockItemId, quantity, unitCost}. Roles: "
                    + "OWNER, MANAGER.")
    @RequestBody(description = "The purchase order.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "cheese and flour", value = """
    {"supplierId": 4, "outletId": 1, "lines": [{"stockItemId": 7, "quantity": 10, "unitCost": 8.40}, {"stockItemId": 9, "quantity": 25, "unitCost": 0.95}]}""")}))
    @APIResponse(responseCode = "201", description = "The draft; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "404", description = "The supplier, outlet or a stock item does not exist.")
    @APIResponse(responseCode = "422", description = "The supplier is inactive.")
    public Response create(PurchaseOrderCommand command, @Context UriInfo uri) {
        PurchaseOrderView po = orders.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(po.id())).build())
                .entity(po).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Get a purchase order",
            description = "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The purchase order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public PurchaseOrderView get(@PathParam("id") long id) {
        return orders.get(id);
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Send a purchase order",
            description = "Only a draft can be sent. Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "200", description = "The sent purchase order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "422", description = "The purchase order is not a draft.")
    public PurchaseOrderView send(@PathParam("id") long id) {
        return orders.send(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Cancel a purchase order",
            description = "A purchase order that has not been received. Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "200", description = "The cancelled purchase order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "422", description = "The purchase order cannot be cancelled in its status.")
    public PurchaseOrderView cancel(@PathParam("id") long id) {
        return orders.cancel(id);
    }

    @POST
    @Path("/{id}/receive")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Receive goods of a purchase order",
            description = "Posts the quantities received into the outlet's stock at their unit cost. Roles: OWNER, "
                    + "MANAGER.")
    @RequestBody(description = "The lines received.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "all of it", value = """
    {"lines": [{"stockItemId": 7, "quantity": 10, "unitCost": 8.40}, {"stockItemId": 9, "quantity": 25, "unitCost": 0.95}]}""")}))
    @APIResponse(responseCode = "200", description = "The purchase order with what was received.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "422", description = "The purchase order cannot be received in its status, or a line "
            + "is more than was ordered.")
    public PurchaseOrderView receive(@PathParam("id") long id, ReceiptCommand command) {
        return orders.receive(id, command);
    }
}
