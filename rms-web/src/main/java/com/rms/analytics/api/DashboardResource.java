package com.rms.analytics.api;

import com.rms.analytics.application.Dashboard;
import com.rms.analytics.application.DashboardView;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live dashboard: {@code GET /analytics/dashboard?outletId}. The id is taken as text so that a
 * missing or malformed one is a 400 problem like every other bad parameter (JAX-RS answers a query
 * parameter it cannot convert with 404).
 */
@ApplicationScoped
@Path("/analytics/dashboard")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.ANALYTICS)
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "The live dashboard of an outlet's business day",
            description = "The outlet's day so far in its time zone: orders, net, gross, tax, discounts, refunds, "
                    + "averageTicket, byHour, sameDayLastWeek, topItems, openOrders, lowStockCount. Roles: "
                    + "OWNER, MANAGER (their outlets), BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The dashboard.")
    @APIResponse(responseCode = "400", description = "outletId is missing or not a number.")
    @APIResponse(responseCode = "404", description = "No such outlet in this tenant (or not one the caller reports "
            + "on).")
    public DashboardView dashboard(@QueryParam("outletId") String outletId) {
        return dashboard.today(outletId);
    }
}
