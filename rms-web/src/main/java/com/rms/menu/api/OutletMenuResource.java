package com.rms.menu.api;

import com.rms.menu.application.MenuCommands.OverrideCommand;
import com.rms.menu.application.OutletMenus;
import com.rms.menu.application.OutletMenus.SoldMenu;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * The menu as an outlet sells it (with {@code ETag} / 304) and the outlet's overrides. One instance
 * serves every request (it holds no request state): the busiest read of the API builds no resource
 * object per call, and answers with the cached menu's bytes as they are.
 */
@ApplicationScoped
@Path("/outlets/{outletId}/menu")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutletMenuResource {

    @Inject
    OutletMenus menus;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public Response menu(@PathParam("outletId") long outletId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        SoldMenu menu = menus.menu(outletId);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals(menu.etag()) || tag.equals("W/" + menu.etag()) || tag.equals("*"))) {
            return Response.notModified().header("ETag", menu.etag()).build();
        }
        return Response.ok(menu.body(), MediaType.APPLICATION_JSON).header("ETag", menu.etag())
                .header("Cache-Control", "private, no-cache").build();
    }

    @PUT
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response override(@PathParam("outletId") long outletId, @PathParam("itemId") long itemId, OverrideCommand command) {
        menus.override(outletId, itemId, command);
        return Response.noContent().build();
    }
}
