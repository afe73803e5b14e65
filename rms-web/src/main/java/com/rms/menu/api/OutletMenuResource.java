package com.rms.menu.api;

import com.rms.menu.application.MenuCommands.OverrideCommand;
import com.rms.menu.application.OutletMenus.SoldMenu;
import com.rms.menu.application.OutletMenus;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The menu as an outlet sells it (with {@code ETag} / 304) and the outlet's overrides. One instance
 * serves every request (it holds no request state): the busiest read of the API builds no resource
 * object per call, and answers with the cached menu's bytes as they are.
 */
@ApplicationScoped
@Path("/outlets/{outletId}/menu")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.MENU)
public class OutletMenuResource {

    @Inject
    OutletMenus menus;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "Get the menu as an outlet sells it",
            description = "The outlet's categories and items with its prices and availability. Carries an ETag; "
                    + "If-None-Match with it answers 304. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, "
                    + "PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The outlet's menu, with ETag.")
    @APIResponse(responseCode = "304", description = "Not modified: the menu still has the ETag given in "
            + "If-None-Match.")
    @APIResponse(responseCode = "404", description = "No such outlet in this tenant (or not one of the caller's).")
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
    @Operation(summary = "Override an item at an outlet",
            description = "The outlet's own price (null keeps the chain's) and whether it sells the item. Roles: "
                    + "OWNER, MANAGER.")
    @RequestBody(description = "The override.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "own price, on sale", value = """
    {"price": 10.50, "available": true}"""),
                @ExampleObject(name = "sold out today", value = """
    {"available": false}""")}))
    @APIResponse(responseCode = "204", description = "Saved.")
    @APIResponse(responseCode = "404", description = "No such outlet or menu item in this tenant.")
    public Response override(@PathParam("outletId") long outletId, @PathParam("itemId") long itemId, OverrideCommand command) {
        menus.override(outletId, itemId, command);
        return Response.noContent().build();
    }
}
