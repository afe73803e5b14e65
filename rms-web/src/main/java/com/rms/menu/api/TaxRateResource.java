package com.rms.menu.api;

import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Created;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The tenant's tax rates. */
@Path("/tax-rates")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TaxRateResource {

    @Inject
    MenuCatalog catalog;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.PLATFORM_ADMIN})
    public List<TaxRateView> list() {
        return catalog.taxRates();
    }

    @POST
    @RolesAllowed(Names.OWNER)
    public Response create(TaxRateCommand command, @Context UriInfo uri) {
        TaxRateView created = catalog.createTaxRate(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.PLATFORM_ADMIN})
    public TaxRateView get(@PathParam("id") long id) {
        return catalog.taxRate(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Names.OWNER)
    public TaxRateView update(@PathParam("id") long id, TaxRateCommand command) {
        return catalog.updateTaxRate(id, command);
    }
}
