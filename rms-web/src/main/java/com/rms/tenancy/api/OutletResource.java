package com.rms.tenancy.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TableCommand;
import com.rms.tenancy.application.TableView;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's outlets and the tables on their floors. */
@ApplicationScoped
@Path("/outlets")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.OUTLETS)
public class OutletResource {

    /** The 404 of an outlet. */
    static final String NO_OUTLET = "No such outlet in this tenant (or not one of the caller's).";

    @Inject
    OutletDirectory outlets;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR,
        Names.PLATFORM_ADMIN})
    @Operation(summary = "List outlets",
            description = "The tenant's outlets; outlet staff see theirs. Paged with page (0-based) and size "
                    + "(default 50, max 500): {items, page, size, total}. Roles: OWNER, MANAGER, CASHIER, WAITER, "
                    + "KITCHEN, BATCH_OPERATOR, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "A page of outlets.")
    public Page<OutletView> list(@BeanParam Paging paging) {
        return outlets.list(paging.request());
    }

    @POST
    @RolesAllowed(Names.OWNER)
    @Operation(summary = "Create an outlet",
            description = "name, address, timezone (IANA) and currency (ISO 4217). Roles: OWNER.")
    @RequestBody(description = "The outlet.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a restaurant in Milan", value = """
    {"name": "Bella Napoli Centro", "address": "Via Roma 12, 20121 Milano", "timezone": "Europe/Rome", "currency": "EUR", "active": true}""")}))
    @APIResponse(responseCode = "201", description = "The outlet; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OutletView.class)))
    @APIResponse(responseCode = "409", description = "An outlet with this name exists.")
    public Response create(OutletCommand command, @Context UriInfo uri) {
        OutletView outlet = outlets.create(command);
        return Created.at(uri, outlet.id(), outlet);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR,
        Names.PLATFORM_ADMIN})
    @Operation(summary = "Get an outlet",
            description = "Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, BATCH_OPERATOR, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The outlet.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    public OutletView get(@PathParam("id") long id) {
        return outlets.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Names.OWNER)
    @Operation(summary = "Update an outlet",
            description = "The full new state. Roles: OWNER.")
    @RequestBody(description = "The outlet's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "moved", value = """
    {"name": "Bella Napoli Centro", "address": "Corso Buenos Aires 3, 20121 Milano", "timezone": "Europe/Rome", "currency": "EUR", "active": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated outlet.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    @APIResponse(responseCode = "409", description = "An outlet with this name exists.")
    public OutletView update(@PathParam("id") long id, OutletCommand command) {
        return outlets.update(id, command);
    }

    @GET
    @Path("/{id}/tables")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "List an outlet's tables",
            description = "With label, seats, area and state (FREE, OCCUPIED, RESERVED, CLEANING). Roles: OWNER, "
                    + "MANAGER, CASHIER, WAITER, KITCHEN, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The tables.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    public List<TableView> tables(@PathParam("id") long id) {
        return outlets.tables(id);
    }

    @POST
    @Path("/{id}/tables")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Create a table at an outlet",
            description = "label, seats (1-100), optional area and state. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The table.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a terrace table", value = """
    {"label": "T12", "seats": 4, "area": "Terrace", "state": "FREE"}""")}))
    @APIResponse(responseCode = "201", description = "The table; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TableView.class)))
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    @APIResponse(responseCode = "409", description = "The outlet already has a table with this label.")
    public Response createTable(@PathParam("id") long id, TableCommand command, @Context UriInfo uri) {
        TableView table = outlets.createTable(id, command);
        return Created.at(uri, table.id(), table);
    }

    @PUT
    @Path("/{id}/tables/{tableId}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Update a table",
            description = "Its label, seats, area and state (e.g. OCCUPIED when guests sit down); announced as "
                    + "table.updated. Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @RequestBody(description = "The table's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "guests seated", value = """
    {"label": "T12", "seats": 4, "area": "Terrace", "state": "OCCUPIED"}""")}))
    @APIResponse(responseCode = "200", description = "The updated table.")
    @APIResponse(responseCode = "404", description = "No such outlet or table in this tenant.")
    @APIResponse(responseCode = "409", description = "The outlet already has a table with this label.")
    public TableView updateTable(@PathParam("id") long id, @PathParam("tableId") long tableId, TableCommand command) {
        return outlets.updateTable(id, tableId, command);
    }
}
