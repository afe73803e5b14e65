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
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Idempotency;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Orders at the point of sale, their payments and refunds. {@code Idempotency-Key} is required on
 * creating an order, paying and refunding; {@code If-Match: "<version>"} on a change makes a stale
 * write a 409 carrying the current order.
 */
@ApplicationScoped
@Path("/orders")
@TenantScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.ORDERS)
public class OrderResource {

    /** The idempotency rules of creating, paying and refunding, as the OpenAPI document states them. */
    static final String IDEMPOTENT = "Idempotency-Key (1-255 characters) is required. The same key with the same "
            + "body within 24 h replays the first answer (same status and body) and does nothing twice; the same key "
            + "with another body is 422 idempotency-key-reuse; the same key while the first call is still in flight "
            + "is 409. Keys are per tenant.";

    /** The Idempotency-Key header, as the OpenAPI document describes it. */
    static final String KEY = "Chosen by the client for this call, reused on its retries: see the operation's "
            + "description.";

    /** Who may call the order operations. */
    static final String ROLES = "Roles: OWNER, MANAGER, CASHIER, WAITER (outlet staff only at their outlets).";

    /** The 404 of an order. */
    static final String NOT_FOUND = "No such order in this tenant (or not at one of the caller's outlets).";

    /** The 403 of an action that needs a manager. */
    static final String NO_MANAGER = "Neither the caller nor managerPin is a manager's.";

    /** The 409 of a stale If-Match. */
    static final String STALE = "If-Match names a version that is no longer the order's: the problem's current is "
            + "the order now.";

    /** The body of an action that needs a manager, a reason and a PIN. */
    static final String WITH_APPROVAL = "The reason, and a manager's PIN when the caller is not a manager.";

    /** The 409 of a key in flight. */
    static final String IN_FLIGHT = "The same Idempotency-Key is still being processed (key in flight).";

    /** The 400 of a missing or malformed Idempotency-Key. */
    static final String NO_KEY = "The Idempotency-Key header is missing or not 1-255 characters.";

    /** What If-Match does on a change. */
    static final String IF_MATCH = " Send If-Match: \"<version>\" to make a stale change a 409 that carries the "
            + "current order.";

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

    /**
     * Creates an order; with {@code payments}, a quick sale (see {@link QuickSales}: a retry of a
     * partial one with the same key pays the same order). A replay is answered only to a caller who
     * may see its order.
     */
    @POST
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Create an order, or make a quick sale",
            description = "Prices, taxes and totals are computed by the server from the outlet's menu; any a client "
                    + "sends are ignored. With payments covering the total the order is paid and completed in the "
                    + "same call (a quick sale). " + IDEMPOTENT + " A quick sale whose order was stored but whose "
                    + "tenders could not all be taken answers with the problem and its orderId; retrying it with the "
                    + "same key creates no second order but retries the tenders not yet taken. " + ROLES)
    @RequestBody(description = "The order: outlet, channel, lines; optionally table, customer, discount, and "
            + "payments for a quick sale.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "dine-in order", value = """
    {"outletId": 1, "channel": "DINE_IN", "tableId": 5,
     "lines": [{"menuItemId": 12, "quantity": 2, "modifierIds": [31], "note": "no basil"},
               {"menuItemId": 20, "quantity": 1, "modifierIds": []}]}"""),
                @ExampleObject(name = "quick sale, paid in cash", value = """
    {"outletId": 1, "channel": "TAKEAWAY",
     "lines": [{"menuItemId": 12, "quantity": 1, "modifierIds": []}],
     "payments": [{"method": "CASH", "amount": 9.50, "tendered": 20.00}]}""")}))
    @APIResponse(responseCode = "201", description = "The order as stored and priced: lines, subtotal, taxTotal, "
            + "discountTotal, total, paid, balance, status.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "The outlet, table, customer or a menu item does not exist in "
            + "this tenant.")
    @APIResponse(responseCode = "409", description = IN_FLIGHT)
    @APIResponse(responseCode = "422", description = "A business rule refuses it (an item unavailable at the outlet, "
            + "not enough stock, a tender declined: the problem carries orderId when the order was stored), or "
            + "idempotency-key-reuse: the key was used with another body.")
    @APIResponse(responseCode = "503", description = "The card provider is down or its circuit is open: a quick "
            + "sale's order is stored and its problem carries orderId.")
    @APIResponse(responseCode = "400", description = NO_KEY)
    public Response create(
            @Parameter(description = KEY, required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key, CreateOrderCommand command, @Context HttpServletRequest request) {
        return idempotency.once(key, request, Settlement.createOperation(), command, 201, (stored, resume) -> {
            Long order = resume != null ? resume : Idempotency.storedId(stored);
            if (order != null) {
                queries.get(order);
            }
        }, attempt -> quickSales.create(command, attempt));
    }

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    @Operation(summary = "List orders",
            description = "Filtered by outletId, status (e.g. OPEN, COMPLETED, VOIDED), from and to (ISO-8601 dates "
                    + "or times); paged with page (0-based) and size (default 50, max 500): {items, page, size, "
                    + "total}. Outlet staff see their outlets' orders. Roles: OWNER, MANAGER, CASHIER, WAITER, "
                    + "KITCHEN, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "A page of orders.")
    @APIResponse(responseCode = "400", description = "A filter is not valid (status, from, to, page, size).")
    public Page<OrderView> list(@QueryParam("outletId") Long outletId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        return queries.list(outletId, status, from, to, paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN, Names.BATCH_OPERATOR})
    @Operation(summary = "Get an order",
            description = "The order with its lines, discount, payments and totals, and its version for If-Match. "
                    + "Roles: OWNER, MANAGER, CASHIER, WAITER, KITCHEN, BATCH_OPERATOR.")
    @APIResponse(responseCode = "200", description = "The order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public OrderView get(@PathParam("id") long id) {
        return queries.get(id);
    }

    /** The receipt: HTML unless the client asks for {@code application/pdf}. */
    @GET
    @Path("/{id}/receipt")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Get an order's receipt",
            description = "HTML by default; application/pdf when the Accept header asks for PDF and not HTML. " + ROLES)
    @APIResponse(responseCode = "200", description = "The receipt, as text/html or application/pdf.",
            content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
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
    @Operation(summary = "Add lines to an open order",
            description = "Lines are priced by the server; the order is repriced." + IF_MATCH + " " + ROLES)
    @RequestBody(description = "The lines to add.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "two lines", value = """
    {"lines": [{"menuItemId": 14, "quantity": 1, "modifierIds": [], "note": "no ice"},
               {"menuItemId": 12, "quantity": 2, "modifierIds": [31]}]}""")}))
    @APIResponse(responseCode = "200", description = "The order with its new lines and totals.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "422", description = "The order is not open, or an item is unavailable at the outlet "
            + "or short of stock.")
    public OrderView addLines(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            Orders.AddLinesCommand body) {
        return orders.addLines(id, version(ifMatch), body == null ? null : body.lines());
    }

    @DELETE
    @Path("/{id}/lines/{lineId}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Void a line of an order",
            description = "A reason is required (in the body or the reason query parameter); once the line has been "
                    + "sent to the kitchen it takes a MANAGER (a manager's token, or managerPin)." + IF_MATCH + " " + ROLES)
    @APIResponse(responseCode = "200", description = "The order without the line, repriced.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "403", description = "The line was sent to the kitchen and neither the caller nor "
            + "managerPin is a manager's.")
    @APIResponse(responseCode = "422", description = "The order is not open, or the line is already void.")
    public OrderView voidLine(@PathParam("id") long id, @PathParam("lineId") long lineId,
            @HeaderParam("If-Match") String ifMatch, @QueryParam("reason") String reason, VoidCommand body) {
        VoidCommand command = body != null ? body : new VoidCommand(reason, null);
        return orders.voidLine(id, lineId, version(ifMatch), command);
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Send an order to the kitchen",
            description = "Tickets are routed per station. An empty body fires everything; courses listed in hold "
                    + "wait until a later send lists them in fire." + IF_MATCH + " " + ROLES)
    @RequestBody(description = "The courses to hold and to fire (both optional; no body sends everything).",
            required = false,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "fire the starters, hold the mains", value = """
    {"fire": [1], "hold": [2]}""")}))
    @APIResponse(responseCode = "200", description = "The order, its lines marked sent.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "422", description = "The order is not open or has nothing to send.")
    public OrderView send(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, SendCommand body) {
        return orders.send(id, version(ifMatch), body);
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Void an order",
            description = "Voids the whole order with a reason: a MANAGER's token or managerPin is needed. " + ROLES)
    @RequestBody(description = WITH_APPROVAL, required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "void with a manager's PIN", value = """
    {"reason": "guest walked out before ordering", "managerPin": "2580"}""")}))
    @APIResponse(responseCode = "200", description = "The voided order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "403", description = NO_MANAGER)
    @APIResponse(responseCode = "422", description = "The order is not open, or something was paid on it (refund it "
            + "instead).")
    public OrderView voidOrder(@PathParam("id") long id, VoidCommand body) {
        return orders.voidOrder(id, body);
    }

    /** Re-opens a completed order for a correction (a manager's token or {@code managerPin}); payments stay. */
    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Re-open a completed order for a correction",
            description = "A manager's token or managerPin is needed; payments stay, a refund or more lines can "
                    + "follow." + IF_MATCH + " " + ROLES)
    @RequestBody(description = WITH_APPROVAL, required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "re-open", value = """
    {"reason": "wrong table charged", "managerPin": "2580"}""")}))
    @APIResponse(responseCode = "200", description = "The re-opened order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "If-Match names a version that is no longer the order's (the "
            + "problem's current is the order now), or the sale's stock, sales and points are still being recorded: "
            + "try again in a moment.")
    @APIResponse(responseCode = "403", description = NO_MANAGER)
    @APIResponse(responseCode = "422", description = "The order is not completed.")
    public OrderView reopen(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VoidCommand body) {
        return settlement.reopen(id, version(ifMatch), body);
    }

    /** Completes an open order with nothing left to pay (a re-opened one, or one discounted to nothing). */
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Complete an order with nothing left to pay",
            description = "For a re-opened order, or one discounted to nothing." + IF_MATCH + " " + ROLES)
    @APIResponse(responseCode = "200", description = "The completed order.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "If-Match names a version that is no longer the order's (the "
            + "problem's current is the order now), or the order's re-opening is still being recorded: try again in "
            + "a moment.")
    @APIResponse(responseCode = "422", description = "The order is not open or still has a balance.")
    public OrderView complete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return settlement.complete(id, version(ifMatch));
    }

    /** An order discount with its reason, and a manager's PIN when it is above the approval threshold. */
    public record DiscountRequest(String type, BigDecimal value, String reason, String managerPin) {
    }

    @PUT
    @Path("/{id}/discount")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Set the order's discount",
            description = "PERCENT or AMOUNT with a reason; above the approval threshold it needs managerPin (or a "
                    + "manager's token). DELETE removes it." + IF_MATCH + " " + ROLES)
    @RequestBody(description = "The discount.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "10 % for a regular", value = """
    {"type": "PERCENT", "value": 10, "reason": "regular guest"}"""),
                @ExampleObject(name = "5.00 off with approval", value = """
    {"type": "AMOUNT", "value": 5.00, "reason": "long wait", "managerPin": "2580"}""")}))
    @APIResponse(responseCode = "200", description = "The order repriced with its discount.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "403", description = "Above the approval threshold without a manager.")
    @APIResponse(responseCode = "422", description = "The order is not open, or the discount is more than the order.")
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
    @Operation(summary = "Remove the order's discount",
            description = "The order is repriced." + IF_MATCH + " " + ROLES)
    @APIResponse(responseCode = "200", description = "The order repriced without a discount.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "422", description = "The order is not open.")
    public OrderView removeDiscount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return orders.discount(id, version(ifMatch), null, null);
    }

    /** The order's customer ({@code null} removes them). */
    public record CustomerRequest(Long customerId) {
    }

    @PUT
    @Path("/{id}/customer")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Set or remove the order's customer",
            description = "customerId null removes the customer." + IF_MATCH + " " + ROLES)
    @RequestBody(description = "The customer.", required = false,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "attach a customer", value = """
    {"customerId": 42}""")}))
    @APIResponse(responseCode = "200", description = "The order with its customer.")
    @APIResponse(responseCode = "404", description = "No such order or customer in this tenant.")
    @APIResponse(responseCode = "409", description = STALE)
    @APIResponse(responseCode = "422", description = "The order is not open.")
    public OrderView customer(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, CustomerRequest body) {
        return orders.customer(id, version(ifMatch), body == null ? null : body.customerId());
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Take a payment for an order",
            description = "CASH (with tendered, the change is computed) or CARD (a provider's cardToken, never a "
                    + "card number), with an optional tip. The order completes when its balance reaches 0. GIFT_CARD "
                    + "and LOYALTY_POINTS are refused (422) for now. " + IDEMPOTENT + " " + ROLES)
    @RequestBody(description = "The tender.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "card with a tip", value = """
    {"method": "CARD", "amount": 23.50, "tip": 2.00, "cardToken": "tok_visa"}"""),
                @ExampleObject(name = "cash with change", value = """
    {"method": "CASH", "amount": 23.50, "tendered": 30.00}""")}))
    @APIResponse(responseCode = "201", description = "The payment (with change for cash) and where the order stands.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is still being processed (key in "
            + "flight), or the payment would complete a re-opened order whose re-opening is still being recorded.")
    @APIResponse(responseCode = "422", description = "The tender is refused: more than the balance, the order not "
            + "open, the card declined (errors names cardToken), a method not accepted; or idempotency-key-reuse: "
            + "the key was used with another body.")
    @APIResponse(responseCode = "503", description = "The card provider is down or its circuit is open.")
    @APIResponse(responseCode = "400", description = NO_KEY)
    public Response pay(@PathParam("id") long id,
            @Parameter(description = KEY, required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key, TenderCommand body, @Context HttpServletRequest request) {
        return idempotency.once(key, request, Settlement.payOperation(id), body, 201, (stored, resume) -> queries.get(id),
                attempt -> settlement.pay(id, body, attempt));
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Refund an order",
            description = "Refunds an amount of a completed order's payments with a reason; a MANAGER's token or "
                    + "managerPin is needed. " + IDEMPOTENT + " " + ROLES)
    @RequestBody(description = "The amount and the reason.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "partial refund with a manager's PIN", value = """
    {"amount": 9.50, "reason": "pizza arrived cold", "managerPin": "2580"}""")}))
    @APIResponse(responseCode = "201", description = "The refund and where the order stands.")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "403", description = NO_MANAGER)
    @APIResponse(responseCode = "409", description = IN_FLIGHT)
    @APIResponse(responseCode = "422", description = "More than was paid, or the order cannot be refunded; or "
            + "idempotency-key-reuse: the key was used with another body.")
    @APIResponse(responseCode = "503", description = "The card provider is down or its circuit is open.")
    @APIResponse(responseCode = "400", description = NO_KEY)
    public Response refund(@PathParam("id") long id,
            @Parameter(description = KEY, required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String key, RefundCommand body, @Context HttpServletRequest request) {
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
