package com.rms.tenancy.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TableCommand;
import com.rms.tenancy.application.TableView;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

/** A tenant's outlets and the tables on their floors. */
@Path("/outlets")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutletResource {

    @Inject
    OutletDirectory outlets;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR,
        Names.PLATFORM_ADMIN})
    public Page<OutletView> list(@BeanParam Paging paging) {
        return outlets.list(paging.request());
    }

    @POST
    @RolesAllowed(Names.OWNER)
    public Response create(OutletCommand command, @Context UriInfo uri) {
        OutletView outlet = outlets.create(command);
        return Created.at(uri, outlet.id(), outlet);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR,
        Names.PLATFORM_ADMIN})
    public OutletView get(@PathParam("id") long id) {
        return outlets.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Names.OWNER)
    public OutletView update(@PathParam("id") long id, OutletCommand command) {
        return outlets.update(id, command);
    }

    @GET
    @Path("/{id}/tables")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public List<TableView> tables(@PathParam("id") long id) {
        return outlets.tables(id);
    }

    @POST
    @Path("/{id}/tables")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response createTable(@PathParam("id") long id, TableCommand command, @Context UriInfo uri) {
        TableView table = outlets.createTable(id, command);
        return Created.at(uri, table.id(), table);
    }

    @PUT
    @Path("/{id}/tables/{tableId}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public TableView updateTable(@PathParam("id") long id, @PathParam("tableId") long tableId, TableCommand command) {
        return outlets.updateTable(id, tableId, command);
    }
}
