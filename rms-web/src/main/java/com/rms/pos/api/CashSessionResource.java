package com.rms.pos.api;

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
import java.math.BigDecimal;

/** A cash session: see it, close it with the count to get the Z report. */
@Path("/cash-sessions")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CashSessionResource {

    @Inject
    CashDrawer drawer;

    /** Closing a drawer with the cash counted in it. */
    public record Close(BigDecimal countedCash) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    public CashSessionView get(@PathParam("id") long sessionId) {
        return drawer.get(sessionId);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    public CashSessionView close(@PathParam("id") long sessionId, Close body) {
        return drawer.close(sessionId, body == null ? null : body.countedCash());
    }
}
