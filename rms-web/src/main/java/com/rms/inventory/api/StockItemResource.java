package com.rms.inventory.api;

import com.rms.inventory.application.StockCatalog;
import com.rms.inventory.application.StockItemCommand;
import com.rms.inventory.application.StockItemView;
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
import jakarta.ws.rs.PUT;
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

/** The tenant's stock items. */
@ApplicationScoped
@Path("/inventory/items")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class StockItemResource {

    @Inject
    StockCatalog catalog;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "List stock items",
            description = "Paged with page (0-based) and size (default 50, max 500): {items, page, size, total}. "
                    + "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of stock items.")
    public Page<StockItemView> list(@BeanParam Paging paging) {
        return catalog.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Create a stock item",
            description = "sku, name, unit (G, KG, ML, L or EACH), reorderLevel and unitCost. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The stock item.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "cheese by the kilogram", value = """
    {"sku": "MOZZ-FIOR", "name": "Mozzarella fior di latte", "unit": "KG", "reorderLevel": 5, "unitCost": 8.40, "allowNegative": false, "active": true}""")}))
    @APIResponse(responseCode = "201", description = "The stock item; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockItemView.class)))
    @APIResponse(responseCode = "409", description = "A stock item with this SKU exists.")
    public Response create(StockItemCommand command, @Context UriInfo uri) {
        StockItemView item = catalog.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(item.id())).build())
                .entity(item).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Get a stock item",
            description = "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The stock item.")
    @APIResponse(responseCode = "404", description = "No such stock item in this tenant.")
    public StockItemView get(@PathParam("id") long id) {
        return catalog.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Update a stock item",
            description = "The full new state; its SKU and unit cannot change. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The stock item's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "new cost and reorder level", value = """
    {"sku": "MOZZ-FIOR", "name": "Mozzarella fior di latte", "unit": "KG", "reorderLevel": 8, "unitCost": 8.90, "allowNegative": false, "active": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated stock item.")
    @APIResponse(responseCode = "404", description = "No such stock item in this tenant.")
    @APIResponse(responseCode = "422", description = "The SKU or the unit was changed.")
    public StockItemView update(@PathParam("id") long id, StockItemCommand command) {
        return catalog.update(id, command);
    }
}
