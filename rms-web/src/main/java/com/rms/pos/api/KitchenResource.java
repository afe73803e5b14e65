package com.rms.pos.api;

import com.rms.platform.security.Role.Names;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.TicketView;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Bumping a kitchen ticket on. */
@Path("/kitchen")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KitchenResource {

    @Inject
    Kitchen kitchen;

    /** A ticket's next status. */
    public record StatusChange(String status) {
    }

    @POST
    @Path("tickets/{id}/status")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
    public TicketView status(@PathParam("id") long ticketId, StatusChange body) {
        return kitchen.setStatus(ticketId, body == null ? null : body.status());
    }
}
