package com.rms.inventory.api;

import com.rms.inventory.application.AdjustmentCommand;
import com.rms.inventory.application.MovementView;
import com.rms.inventory.application.StockControl;
import com.rms.inventory.application.StockLevelView;
import com.rms.inventory.application.TransferCommand;
import com.rms.inventory.application.TransferView;
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

/** Stock at one outlet: levels, adjustments, transfers out, and the movement ledger. */
@Path("/outlets/{id}/stock")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutletStockResource {

    @Inject
    StockControl stock;

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
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
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN})
    public Page<MovementView> movements(@PathParam("id") long id, @QueryParam("stockItemId") Long stockItemId,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        return stock.movements(id, stockItemId, from, to, paging.request());
    }
}
