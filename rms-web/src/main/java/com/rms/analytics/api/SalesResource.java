package com.rms.analytics.api;

import com.rms.analytics.application.SalesFacts;
import com.rms.analytics.application.SalesReport;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sales over business days, grouped: {@code GET /analytics/sales?from&to&outletId&groupBy}. */
@ApplicationScoped
@Path("/analytics/sales")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.ANALYTICS)
public class SalesResource {

    @Inject
    SalesFacts facts;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Sales over business days, grouped",
            description = "Between from and to (business dates), optionally of one outletId, grouped by day, hour, "
                    + "item, category, outlet, staff or channel; amounts at the currency's minor unit. Paged with "
                    + "page (0-based) and size (default 50, max 500): {items, page, size, total}. Roles: OWNER, "
                    + "MANAGER (their outlets), BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The sales rows of the grouping.")
    @APIResponse(responseCode = "400", description = "from, to, outletId or groupBy is missing or not valid.")
    public SalesReport sales(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("outletId") Long outletId, @QueryParam("groupBy") String groupBy, @BeanParam Paging paging) {
        return facts.sales(from, to, outletId, groupBy, paging.request());
    }
}
