package com.rms.pos.api;

import com.rms.platform.security.Role.Names;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.TicketView;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bumping a kitchen ticket on. */
@ApplicationScoped
@Path("/kitchen")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.KITCHEN)
public class KitchenResource {

    @Inject
    Kitchen kitchen;

    /** A ticket's next status. */
    public record StatusChange(String status) {
    }

    @POST
    @Path("tickets/{id}/status")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
    @Operation(summary = "Bump a kitchen ticket on",
            description = "Sets a ticket's status: IN_PROGRESS, READY or SERVED; the change goes to the outlet's "
                    + "sockets (kitchen.ticket.updated). Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN.")
    @RequestBody(description = "The ticket's next status.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "ready", value = """
    {"status": "READY"}""")}))
    @APIResponse(responseCode = "200", description = "The ticket with its new status.")
    @APIResponse(responseCode = "404", description = "No such ticket in this tenant (or not at one of the caller's "
            + "outlets).")
    public TicketView status(@PathParam("id") long ticketId, StatusChange body) {
        return kitchen.setStatus(ticketId, body == null ? null : body.status());
    }
}
