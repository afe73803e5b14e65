package com.rms.menu.api;

import com.rms.menu.application.MenuCatalog;
import com.rms.menu.application.MenuCommands.CategoryCommand;
import com.rms.menu.application.MenuCommands.ItemCommand;
import com.rms.menu.application.MenuViews.CategoryView;
import com.rms.menu.application.MenuViews.ItemView;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The chain menu: categories and items. Everyone on the staff reads; owners and managers change. */
@ApplicationScoped
@Path("/menu")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.MENU)
public class MenuResource {

    /** The 404 of a category. */
    static final String NO_CATEGORY = "No such category in this tenant.";

    @Inject
    MenuCatalog catalog;

    @GET
    @Path("/categories")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "List the menu's categories",
            description = "Every category, with its parent and sort order. Roles: OWNER, MANAGER, CASHIER, WAITER, "
                    + "KITCHEN, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The categories.")
    public List<CategoryView> categories() {
        return catalog.categories();
    }

    @POST
    @Path("/categories")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Create a category",
            description = "A category, optionally under a parent category. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The category.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a top-level category", value = """
    {"name": "Pizzas", "sortOrder": 10, "active": true}""")}))
    @APIResponse(responseCode = "201", description = "The category; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "The parent category does not exist.")
    @APIResponse(responseCode = "409", description = "A category with this name exists.")
    public Response createCategory(CategoryCommand command, @Context UriInfo uri) {
        CategoryView created = catalog.createCategory(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "Get a category",
            description = "Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The category.")
    @APIResponse(responseCode = "404", description = NO_CATEGORY)
    public CategoryView category(@PathParam("id") long id) {
        return catalog.category(id);
    }

    @PUT
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Update a category",
            description = "Replaces the category's name, parent, sort order and active flag. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The category's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "rename and re-order", value = """
    {"name": "Pizze", "sortOrder": 5, "active": true}""")}))
    @APIResponse(responseCode = "200", description = "The updated category.")
    @APIResponse(responseCode = "404", description = NO_CATEGORY)
    @APIResponse(responseCode = "409", description = "A category with this name exists.")
    public CategoryView updateCategory(@PathParam("id") long id, CategoryCommand command) {
        return catalog.updateCategory(id, command);
    }

    @DELETE
    @Path("/categories/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Delete a category",
            description = "Only an empty category: no sub-categories and no items. Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = NO_CATEGORY)
    @APIResponse(responseCode = "409", description = "The category still holds sub-categories or items.")
    public Response deleteCategory(@PathParam("id") long id) {
        catalog.deleteCategory(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/items")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "List menu items",
            description = "Optionally of one categoryId. Paged with page (0-based) and size (default 50, max 500): "
                    + "{items, page, size, total}. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "A page of menu items.")
    public Page<ItemView> items(@QueryParam("categoryId") Long categoryId, @BeanParam Paging paging) {
        return catalog.items(categoryId, paging.request());
    }

    @POST
    @Path("/items")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Create a menu item",
            description = "An item with its price, tax rate, kitchen station and modifier groups (the guest picks "
                    + "between min and max of each group's modifiers). Roles: OWNER, MANAGER.")
    @RequestBody(description = "The menu item.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a pizza with extras", value = """
    {"sku": "PIZ-MARG", "name": "Margherita", "description": "Tomato, fior di latte, basil",
     "categoryId": 3, "price": 9.50, "taxRateId": 1, "station": "PIZZA", "active": true,
     "modifierGroups": [{"name": "Extras", "min": 0, "max": 2,
       "modifiers": [{"name": "Buffalo mozzarella", "priceDelta": 2.00}, {"name": "Chili oil", "priceDelta": 0.50}]}]}""")}))
    @APIResponse(responseCode = "201", description = "The menu item; Location names it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "The category or tax rate does not exist.")
    @APIResponse(responseCode = "409", description = "An item with this SKU exists.")
    public Response createItem(ItemCommand command, @Context UriInfo uri) {
        ItemView created = catalog.createItem(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.PLATFORM_ADMIN})
    @Operation(summary = "Get a menu item",
            description = "The item with its modifier groups and modifiers. Roles: OWNER, MANAGER, CASHIER, WAITER, "
                    + "KITCHEN, PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The menu item.")
    @APIResponse(responseCode = "404", description = "No such menu item in this tenant.")
    public ItemView item(@PathParam("id") long id) {
        return catalog.item(id);
    }

    @PUT
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Update a menu item",
            description = "Replaces the item's fields and its whole set of modifier groups; the SKU cannot change. "
                    + "Roles: OWNER, MANAGER.")
    @RequestBody(description = "The item's new state.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "new price", value = """
    {"sku": "PIZ-MARG", "name": "Margherita", "description": "Tomato, fior di latte, basil",
     "categoryId": 3, "price": 10.00, "taxRateId": 1, "station": "PIZZA", "active": true,
     "modifierGroups": [{"name": "Extras", "min": 0, "max": 2,
       "modifiers": [{"name": "Buffalo mozzarella", "priceDelta": 2.00}, {"name": "Chili oil", "priceDelta": 0.50}]}]}""")}))
    @APIResponse(responseCode = "200", description = "The updated menu item.")
    @APIResponse(responseCode = "404", description = "No such menu item, category or tax rate in this tenant.")
    @APIResponse(responseCode = "409", description = "The SKU was changed, or a unique value exists.")
    public ItemView updateItem(@PathParam("id") long id, ItemCommand command) {
        return catalog.updateItem(id, command);
    }

    @DELETE
    @Path("/items/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Archive a menu item",
            description = "The item is no longer sold; orders that hold it keep it. Roles: OWNER, MANAGER.")
    @APIResponse(responseCode = "204", description = "Archived.")
    @APIResponse(responseCode = "404", description = "No such menu item in this tenant.")
    public Response archiveItem(@PathParam("id") long id) {
        catalog.archiveItem(id);
        return Response.noContent().build();
    }
}
