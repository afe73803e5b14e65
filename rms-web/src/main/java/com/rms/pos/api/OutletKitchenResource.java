package com.rms.pos.api;

import com.rms.platform.security.Role.Names;
import com.rms.pos.application.Kitchen;
import com.rms.pos.application.TicketView;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The kitchen display's tickets at an outlet, per station. */
@Path("/outlets/{id}/kitchen")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutletKitchenResource {

    @Inject
    Kitchen kitchen;

    @GET
    @Path("tickets")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
    public List<TicketView> tickets(@PathParam("id") long outletId, @QueryParam("status") String status,
            @QueryParam("station") String station) {
        return kitchen.tickets(outletId, status, station);
    }
}
