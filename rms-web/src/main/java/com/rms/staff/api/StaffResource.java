package com.rms.staff.api;

import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.staff.application.StaffCommand;
import com.rms.staff.application.StaffDirectory;
import com.rms.staff.application.StaffView;
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

/** A tenant's staff accounts, managed by owners and managers. */
@Path("/staff")
@TenantScoped
@RolesAllowed({Names.OWNER, Names.MANAGER})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffDirectory staff;

    @GET
    public Page<StaffView> list(@BeanParam Paging paging) {
        return staff.list(paging.request());
    }

    @POST
    public Response create(StaffCommand command, @Context UriInfo uri) {
        StaffView created = staff.create(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{id}")
    public StaffView get(@PathParam("id") long id) {
        return staff.get(id);
    }

    @PUT
    @Path("/{id}")
    public StaffView update(@PathParam("id") long id, StaffCommand command) {
        return staff.update(id, command);
    }
}
