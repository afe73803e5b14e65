package com.rms.staff.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.staff.application.StaffCommand;
import com.rms.staff.application.StaffDirectory;
import com.rms.staff.application.StaffView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's staff accounts, managed by owners and managers. */
@ApplicationScoped
@Path("/staff")
@TenantScoped
@RolesAllowed({Names.OWNER, Names.MANAGER})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.STAFF)
public class StaffResource {

    @Inject
    StaffDirectory staff;

    @GET
    @Operation(summary = "List staff",
            description = "A manager sees the staff of their outlets. Paged with page (0-based) and size (default "
                    + "50, max 500): {items, page, size, total}. Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "200", description = "A page of staff.")
    public Page<StaffView> list(@BeanParam Paging paging) {
        return staff.list(paging.request());
    }

    @POST
    @Operation(summary = "Create a staff member",
            description = "An OWNER manages everyone. A MANAGER manages only staff whose outlets all lie among the "
                    + "manager's own, may grant only CASHIER, WAITER and KITCHEN, and may not change their own roles "
                    + "or outlets (403). Every role but OWNER and BATCH_OPERATOR needs at least one outlet (400). "
                    + "PINs are 4-8 digits and unique per outlet: a clash is 409 without naming whose PIN it is. "
                    + "Hashes never leave the server. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The staff member.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a cashier and waiter at outlet 1", value = """
    {"username": "marco", "displayName": "Marco Bianchi", "roles": ["CASHIER", "WAITER"], "outletIds": [1],
     "pin": "4821", "password": "a-long-pass-phrase", "hourlyRate": 14.50, "active": true}""")}))
    @APIResponse(responseCode = "201", description = "The staff member (no PIN or password); Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "403", description = "A manager granting a role or an outlet they may not.")
    @APIResponse(responseCode = "409", description = "The username is taken, or the PIN cannot be used at one of the "
            + "outlets.")
    public Response create(StaffCommand command, @Context UriInfo uri) {
        StaffView created = staff.create(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a staff member",
            description = "Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "200", description = "The staff member.")
    @APIResponse(responseCode = "404", description = "No such staff member in this tenant (or not one a manager "
            + "manages).")
    public StaffView get(@PathParam("id") long id) {
        return staff.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a staff member",
            description = "The full new state; a null pin or password keeps the current one, an empty one removes "
                    + "it; the username cannot change. An OWNER manages everyone. A MANAGER manages only staff whose "
                    + "outlets all lie among the manager's own, may grant only CASHIER, WAITER and KITCHEN, and may "
                    + "not change their own roles or outlets (403). Every role but OWNER and BATCH_OPERATOR needs at "
                    + "least one outlet (400). PINs are 4-8 digits and unique per outlet: a clash is 409 without "
                    + "naming whose PIN it is. Hashes never leave the server. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The staff member's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a raise, same PIN", value = """
    {"username": "marco", "displayName": "Marco Bianchi", "roles": ["CASHIER", "WAITER"], "outletIds": [1],
     "password": "a-long-pass-phrase", "hourlyRate": 15.25, "active": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated staff member.")
    @APIResponse(responseCode = "403", description = "A manager changing what they may not (their own roles or "
            + "outlets, another role).")
    @APIResponse(responseCode = "404", description = "No such staff member in this tenant (or not one a manager "
            + "manages).")
    @APIResponse(responseCode = "409", description = "The username was changed, or the PIN cannot be used at one of "
            + "the outlets.")
    public StaffView update(@PathParam("id") long id, StaffCommand command) {
        return staff.update(id, command);
    }
}
