package com.rms.customer.api;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.CustomerView;
import com.rms.customer.application.Customers;
import com.rms.customer.application.FoundOrCreated;
import com.rms.customer.application.LoyaltyView;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's customers as the POS needs them: who is this guest (find or create), search, points. */
@ApplicationScoped
@Path("/customers")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.CUSTOMERS)
public class CustomerResource {

    @Inject
    Customers customers;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Search customers",
            description = "By q (name, phone or email). CASHIER and WAITER need q of at least 3 characters and get "
                    + "at most 20 results, phone and email masked unless the match is exact; OWNER and MANAGER may "
                    + "list all. Paged with page (0-based) and size (default 50, max 500): {items, page, size, "
                    + "total}. Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @APIResponse(responseCode = "200", description = "A page of customers.")
    @APIResponse(responseCode = "400", description = "q is too short for the caller's role.")
    public Page<CustomerView> search(@QueryParam("q") String q, @BeanParam Paging paging) {
        return customers.search(q, paging.request());
    }

    /** The customer with this phone or email: 200 with the existing one, or 201 with a new one. */
    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Find or create a customer by phone or email",
            description = "200 with the existing customer of this phone or email, or 201 with a new one. Roles: "
                    + "OWNER, MANAGER, CASHIER, WAITER.")
    @RequestBody(description = "Who the guest is.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a guest", value = """
    {"name": "Anna Verdi", "phone": "+39 333 555 0199", "email": "anna.verdi@example.com"}""")}))
    @APIResponse(responseCode = "200", description = "The existing customer.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "201", description = "A new customer; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "409", description = "A customer with this phone or email was created at the same "
            + "moment; retry.")
    public Response findOrCreate(CustomerCommand command, @Context UriInfo uri) {
        FoundOrCreated result = customers.findOrCreate(command);
        if (!result.created()) {
            return Response.ok(result.customer()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(result.customer().id())).build())
                .entity(result.customer()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Get a customer",
            description = "Its name, phone, email, points, whether it was anonymised, and when it was created. "
                    + "Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @APIResponse(responseCode = "200", description = "The customer.")
    @APIResponse(responseCode = "404", description = "No such customer in this tenant.")
    public CustomerView get(@PathParam("id") long id) {
        return customers.get(id);
    }

    @GET
    @Path("/{id}/loyalty")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Get a customer's loyalty account",
            description = "Its points balance and the movements of points (EARN, and REFUND or VOID taking them back) with "
                    + "their orders. Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @APIResponse(responseCode = "200", description = "The loyalty account.")
    @APIResponse(responseCode = "404", description = "No such customer in this tenant.")
    public LoyaltyView loyalty(@PathParam("id") long id) {
        return customers.loyalty(id);
    }
}
