package com.rms.customer.api;

import com.rms.customer.application.CustomerCommand;
import com.rms.customer.application.CustomerView;
import com.rms.customer.application.Customers;
import com.rms.customer.application.FoundOrCreated;
import com.rms.customer.application.LoyaltyView;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
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

/** The tenant's customers as the POS needs them: who is this guest (find or create), search, points. */
@Path("/customers")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    Customers customers;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public Page<CustomerView> search(@QueryParam("q") String q, @BeanParam Paging paging) {
        return customers.search(q, paging.request());
    }

    /** The customer with this phone or email: 200 with the existing one, or 201 with a new one. */
    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
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
    public CustomerView get(@PathParam("id") long id) {
        return customers.get(id);
    }

    @GET
    @Path("/{id}/loyalty")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public LoyaltyView loyalty(@PathParam("id") long id) {
        return customers.loyalty(id);
    }
}
