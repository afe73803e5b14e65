package com.rms.pos.api;

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
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cash session: see it, close it with the count to get the Z report. */
@ApplicationScoped
@Path("/cash-sessions")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.CASH_SESSIONS)
public class CashSessionResource {

    @Inject
    CashDrawer drawer;

    /** Closing a drawer with the cash counted in it. */
    public record Close(BigDecimal countedCash) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    @Operation(summary = "Get a cash session",
            description = "Its opening float, expected and counted cash, variance, and once closed the Z report. Roles: "
                    + "OWNER, MANAGER, CASHIER.")
    @APIResponse(responseCode = "200", description = "The cash session.")
    @APIResponse(responseCode = "404", description = "No such cash session in this tenant.")
    public CashSessionView get(@PathParam("id") long sessionId) {
        return drawer.get(sessionId);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER})
    @Operation(summary = "Close a cash session with the cash counted",
            description = "Answers the Z report: expected against counted cash, by tender. Roles: OWNER, MANAGER, "
                    + "CASHIER.")
    @RequestBody(description = "The cash counted in the drawer.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "close", value = """
    {"countedCash": 612.40}""")}))
    @APIResponse(responseCode = "200", description = "The closed session with its Z report.")
    @APIResponse(responseCode = "404", description = "No such cash session in this tenant.")
    @APIResponse(responseCode = "422", description = "The session is already closed.")
    public CashSessionView close(@PathParam("id") long sessionId, Close body) {
        return drawer.close(sessionId, body == null ? null : body.countedCash());
    }
}
