package com.rms.inventory.api;

import com.rms.inventory.application.AdjustmentCommand;
import com.rms.inventory.application.MovementView;
import com.rms.inventory.application.StockAvailability;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockLevelView;
import com.rms.inventory.application.TransferCommand;
import com.rms.inventory.application.TransferView;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stock at one outlet: levels, adjustments, transfers out, and the movement ledger. */
@ApplicationScoped
@Path("/outlets/{id}/stock")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.INVENTORY)
public class OutletStockResource {

    /** The 404 of an outlet. */
    static final String NO_OUTLET = "No such outlet in this tenant (or not one of the caller's).";

    @Inject
    StockControl stock;

    @Inject
    StockAvailability availability;

    /** The lines of an order to check: {@code [{menuItemId, modifierIds, quantity}]}. */
    public record AvailabilityRequest(List<StockAvailability.OrderLine> lines) {}

    /** Whether the outlet can make all of the lines now, and where each shortage is. */
    public record AvailabilityAnswer(boolean available, List<StockAvailability.Shortage> shortages) {}

    @POST
    @Path("/availability")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Check whether an outlet can make order lines now",
            description = "Checks 1 to 200 lines {menuItemId, modifierIds, quantity} against the outlet's stock and "
                    + "the recipes, without taking anything. Roles: OWNER, MANAGER, CASHIER, WAITER.")
    @RequestBody(description = "The lines to check.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "two pizzas", value = """
    {"lines": [{"menuItemId": 12, "modifierIds": [31], "quantity": 2}]}""")}))
    @APIResponse(responseCode = "200", description = "available, and each shortage: line, menuItemId, stockItemId, "
            + "sku, required, available.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    public AvailabilityAnswer availability(@PathParam("id") long id, AvailabilityRequest request) {
        if (request == null || request.lines() == null || request.lines().isEmpty() || request.lines().size() > 200) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError("lines", "must hold 1 to 200 order lines")));
        }
        for (int i = 0; i < request.lines().size(); i++) {
            StockAvailability.OrderLine line = request.lines().get(i);
            if (line == null || line.quantity() < 1 || line.quantity() > 999) {
                throw new ValidationException("the request has invalid fields",
                        List.of(new FieldError("lines[" + i + "].quantity", "must be between 1 and 999")));
            }
        }
        List<StockAvailability.Shortage> shortages = availability.check(id, request.lines());
        return new AvailabilityAnswer(shortages.isEmpty(), shortages);
    }

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    @Operation(summary = "List an outlet's stock levels",
            description = "Per stock item: stockItemId, sku, name, unit, onHand, reorderLevel, averageCost, value, "
                    + "lowStock. Paged with page (0-based) and size (default 50, max 500): {items, page, size, "
                    + "total}. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of stock levels.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    public Page<StockLevelView> levels(@PathParam("id") long id, @BeanParam Paging paging) {
        return stock.levels(id, paging.request());
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Adjust an outlet's stock",
            description = "WASTE or CORRECTION post delta; COUNT posts the difference between counted and what is on "
                    + "hand. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The adjustment.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "waste", value = """
    {"stockItemId": 7, "delta": -1.5, "reason": "WASTE", "note": "tray dropped"}"""),
                @ExampleObject(name = "stock count", value = """
    {"stockItemId": 7, "counted": 12.25, "reason": "COUNT"}""")}))
    @APIResponse(responseCode = "200", description = "The item's stock level after it.")
    @APIResponse(responseCode = "404", description = "No such outlet or stock item in this tenant.")
    @APIResponse(responseCode = "422", description = "It would take the stock below zero for an item that does not "
            + "allow it.")
    public StockLevelView adjust(@PathParam("id") long id, AdjustmentCommand command) {
        return stock.adjust(id, command);
    }

    @POST
    @Path("/transfers")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    @Operation(summary = "Transfer stock to another outlet",
            description = "Moves a quantity of a stock item out of this outlet into toOutletId. Roles: OWNER, MANAGER.")
    @RequestBody(description = "The transfer.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "weekend top-up", value = """
    {"toOutletId": 2, "stockItemId": 7, "quantity": 3, "note": "weekend top-up"}""")}))
    @APIResponse(responseCode = "200", description = "The transfer with both outlets' levels.")
    @APIResponse(responseCode = "404", description = "No such outlet or stock item in this tenant.")
    @APIResponse(responseCode = "422", description = "Not enough stock at this outlet.")
    public TransferView transfer(@PathParam("id") long id, TransferCommand command) {
        return stock.transfer(id, command);
    }

    @GET
    @Path("/movements")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    @Operation(summary = "List an outlet's stock movements",
            description = "The ledger of sales, adjustments, transfers and receipts, optionally of one stockItemId "
                    + "and between from and to. Paged with page (0-based) and size (default 50, max 500): {items, "
                    + "page, size, total}. Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of movements.")
    @APIResponse(responseCode = "404", description = NO_OUTLET)
    public Page<MovementView> movements(@PathParam("id") long id, @QueryParam("stockItemId") Long stockItemId,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        return stock.movements(id, stockItemId, from, to, paging.request());
    }
}
