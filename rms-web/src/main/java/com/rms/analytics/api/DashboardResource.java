package com.rms.analytics.api;

import com.rms.analytics.application.Dashboard;
import com.rms.analytics.application.DashboardView;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The live dashboard: {@code GET /analytics/dashboard?outletId}. The id is taken as text so that a
 * missing or malformed one is a 400 problem like every other bad parameter (JAX-RS answers a query
 * parameter it cannot convert with 404).
 */
@Path("/analytics/dashboard")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public DashboardView dashboard(@QueryParam("outletId") String outletId) {
        return dashboard.today(outletId);
    }
}
