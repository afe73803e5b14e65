package com.rms.inventory.api;

import com.rms.inventory.application.RecipeLineCommand;
import com.rms.inventory.application.RecipeLineView;
import com.rms.inventory.application.Recipes;
import com.rms.inventory.domain.RecipeTarget;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The recipe of one portion of a menu item. Its own root path (not a sub-path of the menu's resource)
 * so that it is matched before the menu context's resource whatever that declares.
 */
@ApplicationScoped
@Path("/menu/items/{id}/recipe")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class MenuItemRecipeResource {

    /** What the OpenAPI document says of replacing a recipe, a menu item's or a modifier's. */
    static final String REPLACE = "The stock one portion uses; unit defaults to the stock item's and must convert to "
            + "it (G and KG, ML and L, EACH). An empty list removes the recipe. Roles: OWNER, MANAGER.";

    /** The recipe lines refused (400), for both kinds of recipe. */
    static final String INVALID = "A line names no stock item of this tenant, or one already named, a unit that does "
            + "not convert to the stock item's, or a quantity that is not positive or below 0.001 of its unit.";

    /** The example of a recipe, for both kinds. */
    static final String EXAMPLE = """
            [{"stockItemId": 7, "quantity": 120, "unit": "G"},
             {"stockItemId": 9, "quantity": 0.08, "unit": "KG"}]""";

    @Inject
    Recipes recipes;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Get the recipe of a menu item",
            description = "The stock used by one portion: [{stockItemId, quantity, unit}]. Roles: OWNER, MANAGER, "
                    + "BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The recipe's lines (empty when it has none).")
    @APIResponse(responseCode = "404", description = "No such menu item in this tenant.")
    public List<RecipeLineView> get(@PathParam("id") long id) {
        return recipes.get(RecipeTarget.ITEM, id);
    }

    @PUT
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Replace the recipe of a menu item", description = REPLACE)
    @RequestBody(description = "The recipe's lines, per portion.", required = true,
            content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "a pizza's cheese and flour", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The recipe as stored.")
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "404", description = "No such menu item in this tenant.")
    public List<RecipeLineView> replace(@PathParam("id") long id, List<RecipeLineCommand> lines) {
        return recipes.replace(RecipeTarget.ITEM, id, lines);
    }
}
