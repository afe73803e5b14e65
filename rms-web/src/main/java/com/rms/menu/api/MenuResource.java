package com.rms.menu.api;

import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.CategoryCommand;
import com.rms.menu.application.MenuCommands.ItemCommand;
import com.rms.menu.application.MenuViews.CategoryView;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The chain menu: categories and items. Everyone on the staff reads; owners and managers change. */
@Path("/menu")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MenuResource {

    @Inject
    MenuCatalog catalog;

    @GET
    @Path("/categories")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public List<CategoryView> categories() {
        return catalog.categories();
    }

    @POST
    @Path("/categories")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response createCategory(CategoryCommand command, @Context UriInfo uri) {
        CategoryView created = catalog.createCategory(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public CategoryView category(@PathParam("id") long id) {
        return catalog.category(id);
    }

    @PUT
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public CategoryView updateCategory(@PathParam("id") long id, CategoryCommand command) {
        return catalog.updateCategory(id, command);
    }

    @DELETE
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response deleteCategory(@PathParam("id") long id) {
        catalog.deleteCategory(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/items")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public Page<ItemView> items(@QueryParam("categoryId") Long categoryId, @BeanParam Paging paging) {
        return catalog.items(categoryId, paging.request());
    }

    @POST
    @Path("/items")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response createItem(ItemCommand command, @Context UriInfo uri) {
        ItemView created = catalog.createItem(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    public ItemView item(@PathParam("id") long id) {
        return catalog.item(id);
    }

    @PUT
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public ItemView updateItem(@PathParam("id") long id, ItemCommand command) {
        return catalog.updateItem(id, command);
    }

    @DELETE
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public Response archiveItem(@PathParam("id") long id) {
        catalog.archiveItem(id);
        return Response.noContent().build();
    }
}
