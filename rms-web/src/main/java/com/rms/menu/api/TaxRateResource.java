package com.rms.menu.api;

import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.TaxRateCommand;
import com.rms.menu.application.MenuViews.TaxRateView;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's tax rates. */
@ApplicationScoped
@Path("/tax-rates")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.MENU)
public class TaxRateResource {

    @Inject
    MenuCatalog catalog;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.PLATFORM_ADMIN})
    @Operation(summary = "List tax rates",
            description = "Roles: OWNER, MANAGER, CASHIER, WAITER, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The tax rates.")
    public List<TaxRateView> list() {
        return catalog.taxRates();
    }

    @POST
    @RolesAllowed(Names.OWNER)
    @Operation(summary = "Create a tax rate",
            description = "rate is a percentage (19.0 is 19 %); inclusive means menu prices include it. Roles: OWNER.")
    @RequestBody(description = "The tax rate.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "reduced VAT, included in prices", value = """
    {"name": "VAT reduced", "rate": 10.0, "inclusive": true}""")}))
    @APIResponse(responseCode = "201", description = "The tax rate; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaxRateView.class)))
    @APIResponse(responseCode = "409", description = "A tax rate with this name exists.")
    public Response create(TaxRateCommand command, @Context UriInfo uri) {
        TaxRateView created = catalog.createTaxRate(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.PLATFORM_ADMIN})
    @Operation(summary = "Get a tax rate",
            description = "Roles: OWNER, MANAGER, CASHIER, WAITER, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The tax rate.")
    @APIResponse(responseCode = "404", description = "No such tax rate in this tenant.")
    public TaxRateView get(@PathParam("id") long id) {
        return catalog.taxRate(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Names.OWNER)
    @Operation(summary = "Update a tax rate",
            description = "Roles: OWNER.")
    @RequestBody(description = "The tax rate's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "standard VAT", value = """
    {"name": "VAT standard", "rate": 22.0, "inclusive": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated tax rate.")
    @APIResponse(responseCode = "404", description = "No such tax rate in this tenant.")
    @APIResponse(responseCode = "409", description = "A tax rate with this name exists.")
    public TaxRateView update(@PathParam("id") long id, TaxRateCommand command) {
        return catalog.updateTaxRate(id, command);
    }
}
