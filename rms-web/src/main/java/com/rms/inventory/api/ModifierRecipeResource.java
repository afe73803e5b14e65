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
 * The recipe of one portion of a modifier. Its own root path (not a sub-path of the menu's resource)
 * so that it is matched before the menu context's resource whatever that declares.
 */
@ApplicationScoped
@Path("/menu/modifiers/{id}/recipe")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class ModifierRecipeResource {

    @Inject
    Recipes recipes;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.BATCH_OPERATOR})
    @Operation(summary = "Get the recipe of a modifier",
            description = "The stock used by one portion: [{stockItemId, quantity, unit}]. Roles: OWNER, MANAGER, "
                    + "BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The recipe's lines (empty when it has none).")
    @APIResponse(responseCode = "404", description = "No such modifier in this tenant.")
    public List<RecipeLineView> get(@PathParam("id") long id) {
        return recipes.get(RecipeTarget.MODIFIER, id);
    }

    @PUT
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Replace the recipe of a modifier", description = MenuItemRecipeResource.REPLACE)
    @RequestBody(description = "The recipe's lines, per portion.", required = true,
            content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "a pizza's cheese and flour", value = MenuItemRecipeResource.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The recipe as stored.")
    @APIResponse(responseCode = "400", description = MenuItemRecipeResource.INVALID)
    @APIResponse(responseCode = "404", description = "No such modifier in this tenant.")
    public List<RecipeLineView> replace(@PathParam("id") long id, List<RecipeLineCommand> lines) {
        return recipes.replace(RecipeTarget.MODIFIER, id, lines);
    }
}
