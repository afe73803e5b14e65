package com.rms.analytics.api;

import com.rms.analytics.application.SalesFacts;
import com.rms.analytics.application.SalesReport;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Sales over business days, grouped: {@code GET /analytics/sales?from&to&outletId&groupBy}. */
@Path("/analytics/sales")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class SalesResource {

    @Inject
    SalesFacts facts;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public SalesReport sales(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("outletId") Long outletId, @QueryParam("groupBy") String groupBy, @BeanParam Paging paging) {
        return facts.sales(from, to, outletId, groupBy, paging.request());
    }
}
