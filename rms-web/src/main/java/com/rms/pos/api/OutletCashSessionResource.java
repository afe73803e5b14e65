package com.rms.pos.api;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.Role.Names;
import com.rms.pos.application.CashDrawer;
import com.rms.pos.application.CashSessionView;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An outlet's cash drawer: open a session with a float, see the open one. */
@ApplicationScoped
@Path("/outlets/{id}/cash-sessions")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.CASH_SESSIONS)
public class OutletCashSessionResource {

    @Inject
    CashDrawer drawer;

    /** Opening a drawer. */
    public record Open(BigDecimal openingFloat) {
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    @Operation(summary = "Open a cash session at an outlet",
            description = "Opens the outlet's drawer with its opening float; one open session per outlet. Roles: "
                    + "OWNER, MANAGER, CASHIER.")
    @RequestBody(description = "The opening float.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "open", value = """
    {"openingFloat": 150.00}""")}))
    @APIResponse(responseCode = "201", description = "The open cash session.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CashSessionView.class)))
    @APIResponse(responseCode = "404", description = "No such outlet in this tenant (or not one of the caller's).")
    @APIResponse(responseCode = "409", description = "A cash session is already open at the outlet.")
    public Response open(@PathParam("id") long outletId, Open body) {
        return Response.status(201).entity(drawer.open(outletId, body == null ? null : body.openingFloat())).build();
    }

    @GET
    @Path("current")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Get the outlet's open cash session",
            description = "Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @APIResponse(responseCode = "200", description = "The open cash session.")
    @APIResponse(responseCode = "404", description = "No such outlet, or no cash session is open there.")
    public CashSessionView current(@PathParam("id") long outletId) {
        return drawer.current(outletId).orElseThrow(() -> new NotFoundException("no cash session is open at outlet " + outletId));
    }
}
