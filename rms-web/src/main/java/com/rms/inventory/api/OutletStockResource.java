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
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
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

/** Stock at one outlet: levels, adjustments, transfers out, and the movement ledger. */
@Path("/outlets/{id}/stock")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutletStockResource {

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
    public Page<StockLevelView> levels(@PathParam("id") long id, @BeanParam Paging paging) {
        return stock.levels(id, paging.request());
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public StockLevelView adjust(@PathParam("id") long id, AdjustmentCommand command) {
        return stock.adjust(id, command);
    }

    @POST
    @Path("/transfers")
    @RolesAllowed({Names.OWNER, Names.MANAGER})
    public TransferView transfer(@PathParam("id") long id, TransferCommand command) {
        return stock.transfer(id, command);
    }

    @GET
    @Path("/movements")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    public Page<MovementView> movements(@PathParam("id") long id, @QueryParam("stockItemId") Long stockItemId,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        return stock.movements(id, stockItemId, from, to, paging.request());
    }
}
