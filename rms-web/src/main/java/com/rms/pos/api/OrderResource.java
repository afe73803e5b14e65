package com.rms.pos.api;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.pos.application.CreateOrderCommand;
import com.rms.pos.application.DiscountCommand;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import com.rms.pos.application.Orders;
import com.rms.pos.application.QuickSales;
import com.rms.pos.application.Receipts;
import com.rms.pos.application.RefundCommand;
import com.rms.pos.application.Refunds;
import com.rms.pos.application.SendCommand;
import com.rms.pos.application.Settlement;
import com.rms.pos.application.TenderCommand;
import com.rms.pos.application.VoidCommand;
import com.rms.web.edge.Idempotency;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/**
 * Orders at the point of sale, their payments and refunds. {@code Idempotency-Key} is required on
 * creating an order, paying and refunding; {@code If-Match: "<version>"} on a change makes a stale
 * write a 409 carrying the current order.
 */
@Path("/orders")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    Orders orders;

    @Inject
    OrderQueries queries;

    @Inject
    Settlement settlement;

    @Inject
    QuickSales quickSales;

    @Inject
    Refunds refunds;

    @Inject
    Receipts receipts;

    @Inject
    Idempotency idempotency;

    @Context
    HttpServletRequest request;

    /**
     * Creates an order; with {@code payments}, a quick sale (see {@link QuickSales}: a retry of a
     * partial one with the same key pays the same order). A replay is answered only to a caller who
     * may see its order.
     */
    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public Response create(@HeaderParam(Idempotency.HEADER) String key, CreateOrderCommand command) {
        return idempotency.once(key, request, Settlement.createOperation(), command, 201, (stored, resume) -> {
            Long order = resume != null ? resume : Idempotency.storedId(stored);
            if (order != null) {
                queries.get(order);
            }
        }, attempt -> quickSales.create(command, attempt));
    }

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    public Page<OrderView> list(@QueryParam("outletId") Long outletId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        return queries.list(outletId, status, from, to, paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    public OrderView get(@PathParam("id") long id) {
        return queries.get(id);
    }

    /** The receipt: HTML unless the client asks for {@code application/pdf}. */
    @GET
    @Path("/{id}/receipt")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public Response receipt(@PathParam("id") long id, @HeaderParam("Accept") String accept) {
        if (accept != null && accept.contains("application/pdf") && !accept.contains(MediaType.TEXT_HTML)) {
            return Response.ok(receipts.pdf(id), "application/pdf")
                    .header("Content-Disposition", "inline; filename=\"receipt-" + id + ".pdf\"").build();
        }
        return Response.ok(receipts.html(id), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }

    @POST
    @Path("/{id}/lines")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView addLines(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            Orders.AddLinesCommand body) {
        return orders.addLines(id, version(ifMatch), body == null ? null : body.lines());
    }

    @DELETE
    @Path("/{id}/lines/{lineId}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView voidLine(@PathParam("id") long id, @PathParam("lineId") long lineId,
            @HeaderParam("If-Match") String ifMatch, @QueryParam("reason") String reason, VoidCommand body) {
        VoidCommand command = body != null ? body : new VoidCommand(reason, null);
        return orders.voidLine(id, lineId, version(ifMatch), command);
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView send(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, SendCommand body) {
        return orders.send(id, version(ifMatch), body);
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView voidOrder(@PathParam("id") long id, VoidCommand body) {
        return orders.voidOrder(id, body);
    }

    /** Re-opens a completed order for a correction (a manager's token or {@code managerPin}); payments stay. */
    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView reopen(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VoidCommand body) {
        return settlement.reopen(id, version(ifMatch), body);
    }

    /** Completes an open order with nothing left to pay (a re-opened one, or one discounted to nothing). */
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView complete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return settlement.complete(id, version(ifMatch));
    }

    /** An order discount with its reason, and a manager's PIN when it is above the approval threshold. */
    public record DiscountRequest(String type, BigDecimal value, String reason, String managerPin) {
    }

    @PUT
    @Path("/{id}/discount")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView discount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, DiscountRequest body) {
        if (body == null) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError("body", "a discount is required (DELETE removes it)")));
        }
        return orders.discount(id, version(ifMatch), new DiscountCommand(body.type(), body.value(), body.reason()),
                body.managerPin());
    }

    @DELETE
    @Path("/{id}/discount")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView removeDiscount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return orders.discount(id, version(ifMatch), null, null);
    }

    /** The order's customer ({@code null} removes them). */
    public record CustomerRequest(Long customerId) {
    }

    @PUT
    @Path("/{id}/customer")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public OrderView customer(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, CustomerRequest body) {
        return orders.customer(id, version(ifMatch), body == null ? null : body.customerId());
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public Response pay(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String key, TenderCommand body) {
        return idempotency.once(key, request, Settlement.payOperation(id), body, 201, (stored, resume) -> queries.get(id),
                attempt -> settlement.pay(id, body, attempt));
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    public Response refund(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String key, RefundCommand body) {
        return idempotency.once(key, request, Settlement.refundOperation(id), body, 201,
                (stored, resume) -> queries.get(id), attempt -> refunds.refund(id, body, attempt));
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), or null when absent. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ValidationException("the request has invalid fields",
                    List.of(new FieldError("If-Match", "must be the order's version, such as \"3\"")));
        }
    }
}
