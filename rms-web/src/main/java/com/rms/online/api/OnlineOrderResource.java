package com.rms.online.api;

import com.rms.online.application.AcceptCommand;
import com.rms.online.application.OnlineOrderCommand;
import com.rms.online.application.OnlineOrderView;
import com.rms.online.application.OnlineOrders;
import com.rms.online.application.ReasonCommand;
import com.rms.online.application.StatusCommand;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.Idempotency;
import com.rms.web.edge.Paging;
import com.rms.web.edge.PartnerSigned;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Online orders: partners send and cancel theirs with signed requests; the outlet's staff (bearer
 * token) list, read, accept, reject and move them along. Each answers with the online order.
 */
@ApplicationScoped
@Path("/online-orders")
@TenantScoped
@Tag(name = ApiTags.ONLINE_ORDERS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "503", description = "The tenant or the database is unavailable",
        content = @Content(mediaType = PartnerResource.PROBLEM))
public class OnlineOrderResource {

    private static final String STAFF_401 = "No valid bearer token";
    private static final String STAFF_403 = "The role may not do this, or X-Tenant-ID names another tenant";
    private static final String PARTNER_401 = "X-Tenant-ID or a signature header missing; unknown, revoked or other "
            + "tenant's key; timestamp outside +-300 s; wrong signature (one answer for all)";
    private static final String NOT_FOUND = "No such online order in this tenant, or not the caller's (another "
            + "outlet's, partner's or tenant's is 404 too)";
    private static final String CONFLICT = "The order's status does not allow this change (the problem names the "
            + "status it is in)";

    @Inject
    OnlineOrders orders;

    @Inject
    Idempotency idempotency;

    @POST
    @PartnerSigned
    @Operation(summary = "Send an online order (partner, signed)", description = "Priced by the server from the "
            + "outlet's menu like any order (client prices ignored) and stored as an order of channel ONLINE, status "
            + "RECEIVED; the kitchen sees it only once the staff accept it. The same (partner, externalRef) again "
            + "answers 200 with the same online order when the request is the same, 409 when it differs: never a "
            + "second order. An Idempotency-Key is optional: with one, the first answer is replayed for the same "
            + "key and body (Idempotent-Replayed: true), the same key with another body is 422 idempotency-key-reuse, "
            + "one in flight 409. payment.method CASH_ON_DELIVERY leaves the total as the order's balance; PREPAID and "
            + "CARD are answered 422 (not supported yet).")
    @SecurityRequirementsSet({@SecurityRequirement(name = "partnerKeyId"), @SecurityRequirement(name = "partnerTimestamp"),
        @SecurityRequirement(name = "partnerSignature")})
    @APIResponse(responseCode = "201", description = "Received: {id, orderId, externalRef, status, estimatedReadyAt, total, ...}")
    @APIResponse(responseCode = "200", description = "The same request again: the online order its externalRef names")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (named in errors); DELIVERY "
            + "without address", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = PARTNER_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "The tenant is suspended", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = "An outlet the partner may not send orders to",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "The externalRef names an online order made from another request, "
            + "or a request with this Idempotency-Key is in flight",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "413", description = "Body over the limit", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown or unavailable items, stock shortages (lines named), "
            + "a closed outlet, a payment method not supported yet, or an Idempotency-Key reused with another body",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @RequestBody(description = "The online order, as the partner's platform took it.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a delivery of two burgers, cash on delivery", value = """
    {"outletId": 1, "externalRef": "LF-2026-000123", "customer": {"name": "Jana Weber", "phone": "+49 170 1234567", "email": "jana@example.com"}, "fulfilment": "DELIVERY", "address": "Torstrasse 12, 10119 Berlin", "lines": [{"menuItemId": 10, "quantity": 2, "modifierIds": [], "note": "no onions"}], "payment": {"method": "CASH_ON_DELIVERY"}, "notes": "ring twice"}""")}))
    public Response receive(@HeaderParam(Idempotency.HEADER) String key, OnlineOrderCommand command,
            @Context UriInfo uri, @Context HttpServletRequest request) {
        if (key == null) {
            return answer(orders.receive(command, null), uri);
        }
        return idempotency.once(key, request, "online-order.receive", command, received -> answer(received, uri),
                (stored, resume) -> {
                    Long id = Idempotency.storedId(stored);
                    if (id != null) {
                        orders.get(id);
                    }
                }, attempt -> orders.receive(command, attempt));
    }

    private static Response answer(OnlineOrders.Received received, UriInfo uri) {
        return received.created() ? Created.at(uri, received.order().id(), received.order())
                : Response.ok(received.order()).build();
    }

    @POST
    @Path("/{id}/cancel")
    @PartnerSigned
    @Operation(summary = "Cancel an online order (partner, signed)", description = "The partner that sent it cancels "
            + "it with a reason until it is READY; its order is voided (the kitchen's tickets too).")
    @SecurityRequirementsSet({@SecurityRequirement(name = "partnerKeyId"), @SecurityRequirement(name = "partnerTimestamp"),
        @SecurityRequirement(name = "partnerSignature")})
    @APIResponse(responseCode = "200", description = "The online order, CANCELLED")
    @APIResponse(responseCode = "400", description = "reason missing or too long", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = PARTNER_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "The tenant is suspended", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "READY or later, or already rejected or cancelled",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @RequestBody(description = "Why the partner cancels.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "the guest cancelled", value = """
    {"reason": "the guest cancelled in the app"}""")}))
    public OnlineOrderView cancel(@PathParam("id") long id, ReasonCommand body) {
        return orders.cancel(id, body);
    }

    @GET
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "List online orders", description = "The online orders of the caller's outlets, newest first, "
            + "filtered by outletId and status; paged ({items, page, size, total}).")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "A page of online orders")
    @APIResponse(responseCode = "400", description = "X-Tenant-ID missing, or an unknown status",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = STAFF_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = STAFF_403, content = @Content(mediaType = PartnerResource.PROBLEM))
    public Page<OnlineOrderView> list(@QueryParam("outletId") Long outletId, @QueryParam("status") String status,
            @BeanParam Paging paging) {
        return orders.list(outletId, status, paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Read an online order", description = "An online order of one of the caller's outlets.")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "The online order")
    @APIResponse(responseCode = "400", description = "X-Tenant-ID missing", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = STAFF_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = STAFF_403, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PartnerResource.PROBLEM))
    public OnlineOrderView get(@PathParam("id") long id) {
        return orders.get(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Accept an online order", description = "A RECEIVED order becomes ACCEPTED and goes to the "
            + "kitchen (its tickets appear only now); readyInMinutes (1-240), when given, sets estimatedReadyAt.")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "The online order, ACCEPTED")
    @APIResponse(responseCode = "400", description = "readyInMinutes out of range", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = STAFF_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = STAFF_403, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PartnerResource.PROBLEM))
    @RequestBody(description = "How long the kitchen needs (optional: the outlet's estimate otherwise).", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "ready in 25 minutes", value = """
    {"readyInMinutes": 25}""")}))
    public OnlineOrderView accept(@PathParam("id") long id, AcceptCommand body) {
        return orders.accept(id, body);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Reject an online order", description = "A RECEIVED order becomes REJECTED with the reason; "
            + "its order is voided.")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "The online order, REJECTED")
    @APIResponse(responseCode = "400", description = "reason missing or too long", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = STAFF_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = STAFF_403, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PartnerResource.PROBLEM))
    @RequestBody(description = "Why the outlet rejects it.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "kitchen closing", value = """
    {"reason": "the kitchen closes in ten minutes"}""")}))
    public OnlineOrderView reject(@PathParam("id") long id, ReasonCommand body) {
        return orders.reject(id, body);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER})
    @Operation(summary = "Move an online order along", description = "status PREPARING (from ACCEPTED), READY (from "
            + "PREPARING), COMPLETED (from READY); CANCELLED with a reason, by a manager or owner only, before READY "
            + "(its order is voided).")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "The online order in its new status")
    @APIResponse(responseCode = "400", description = "status missing or unknown; CANCELLED without reason",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "401", description = STAFF_401, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = STAFF_403 + "; CANCELLED by someone not a manager",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PartnerResource.PROBLEM))
    @RequestBody(description = "The next status.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "preparing", value = """
    {"status": "PREPARING"}""")}))
    public OnlineOrderView status(@PathParam("id") long id, StatusCommand body) {
        return orders.status(id, body);
    }
}
