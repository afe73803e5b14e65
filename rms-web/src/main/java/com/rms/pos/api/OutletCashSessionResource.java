package com.rms.pos.api;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.security.Role.Names;
import com.rms.pos.application.CashDrawer;
import com.rms.pos.application.CashSessionView;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
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

/** An outlet's cash drawer: open a session with a float, see the open one. */
@Path("/outlets/{id}/cash-sessions")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutletCashSessionResource {

    @Inject
    CashDrawer drawer;

    /** Opening a drawer. */
    public record Open(BigDecimal openingFloat) {
    }

    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    public Response open(@PathParam("id") long outletId, Open body) {
        return Response.status(201).entity(drawer.open(outletId, body == null ? null : body.openingFloat())).build();
    }

    @GET
    @Path("current")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public CashSessionView current(@PathParam("id") long outletId) {
        return drawer.current(outletId).orElseThrow(() -> new NotFoundException("no cash session is open at outlet " + outletId));
    }
}
