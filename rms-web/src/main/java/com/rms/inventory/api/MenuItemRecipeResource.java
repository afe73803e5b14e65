package com.rms.inventory.api;

import com.rms.inventory.application.RecipeLineCommand;
import com.rms.inventory.application.RecipeLineView;
import com.rms.inventory.application.Recipes;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The recipe of one portion of a menu item. Its own root path (not a sub-path of the menu's resource)
 * so that it is matched before the menu context's resource whatever that declares.
 */
@Path("/menu/items/{id}/recipe")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MenuItemRecipeResource {

    @Inject
    Recipes recipes;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    public List<RecipeLineView> get(@PathParam("id") long id) {
        return recipes.get(RecipeTarget.ITEM, id);
    }

    @PUT
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public List<RecipeLineView> replace(@PathParam("id") long id, List<RecipeLineCommand> lines) {
        return recipes.replace(RecipeTarget.ITEM, id, lines);
    }
}
