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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The kitchen display's tickets at an outlet, per station. */
@ApplicationScoped
@Path("/outlets/{id}/kitchen")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.KITCHEN)
public class OutletKitchenResource {

    @Inject
    Kitchen kitchen;

    @GET
    @Path("tickets")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
    @Operation(summary = "List an outlet's kitchen tickets",
            description = "The kitchen display's tickets, optionally of one status (HELD, NEW, IN_PROGRESS, READY, "
                    + "SERVED) and one station. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN.")
    @APIResponse(responseCode = "200", description = "The tickets, oldest first.")
    @APIResponse(responseCode = "404", description = "No such outlet in this tenant (or not one of the caller's).")
    public List<TicketView> tickets(@PathParam("id") long outletId, @QueryParam("status") String status,
            @QueryParam("station") String station) {
        return kitchen.tickets(outletId, status, station);
    }
}
