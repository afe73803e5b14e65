package com.rms.inventory.api;

import com.rms.inventory.application.SupplierCommand;
import com.rms.inventory.application.SupplierView;
import com.rms.inventory.application.Suppliers;
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

/** The tenant's suppliers. */
@ApplicationScoped
@Path("/suppliers")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class SupplierResource {

    @Inject
    Suppliers suppliers;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "List suppliers",
            description = "Paged with page (0-based) and size (default 50, max 500): {items, page, size, total}. "
                    + "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of suppliers.")
    public Page<SupplierView> list(@BeanParam Paging paging) {
        return suppliers.list(paging.request());
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Create a supplier",
            description = "Roles: OWNER, MANAGER.")
    @RequestBody(description = "The supplier.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a dairy", value = """
    {"name": "Caseificio Lombardo", "email": "orders@caseificio.example", "phone": "+39 02 5550 101", "address": "Via Lodi 4, Milano", "active": true}""")}))
    @APIResponse(responseCode = "201", description = "The supplier; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SupplierView.class)))
    @APIResponse(responseCode = "409", description = "A supplier with this name exists.")
    public Response create(SupplierCommand command, @Context UriInfo uri) {
        SupplierView supplier = suppliers.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(supplier.id())).build())
                .entity(supplier).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Get a supplier",
            description = "Roles: OWNER, MANAGER, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The supplier.")
    @APIResponse(responseCode = "404", description = "No such supplier in this tenant.")
    public SupplierView get(@PathParam("id") long id) {
        return suppliers.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Update a supplier",
            description = "The full new state. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The supplier's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "new phone", value = """
    {"name": "Caseificio Lombardo", "email": "orders@caseificio.example", "phone": "+39 02 5550 202", "address": "Via Lodi 4, Milano", "active": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated supplier.")
    @APIResponse(responseCode = "404", description = "No such supplier in this tenant.")
    @APIResponse(responseCode = "409", description = "A supplier with this name exists.")
    public SupplierView update(@PathParam("id") long id, SupplierCommand command) {
        return suppliers.update(id, command);
    }
}
