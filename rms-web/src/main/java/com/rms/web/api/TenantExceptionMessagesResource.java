package com.rms.web.api;

import com.rms.platform.messaging.ExceptionDestinations;
import com.rms.platform.messaging.ExceptionMessage;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.platform.tenant.TenantContext;
import com.rms.web.api.ExceptionMessagesResource.Redriven;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A chain's own messages in the exception destinations: the events of this tenant that a consumer
 * could not apply (a stock deduction, a sale's facts, loyalty points), and their re-drive once the
 * cause is fixed. For the owner, whose chain's numbers they are (a platform admin naming the
 * tenant sees the same); another tenant's message is 404 here, as every other tenant's id is.
 */
@ApplicationScoped
@Path("/exception-messages")
@TenantScoped
@RolesAllowed({Names.OWNER, Names.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.OPERATIONS)
public class TenantExceptionMessagesResource {

    @Inject
    ExceptionDestinations destinations;

    @GET
    @Operation(summary = "This tenant's messages in the exception destinations, oldest failure first, optionally of "
            + "one queue",
            description = "The events of this tenant that a consumer could not apply (a stock deduction, a sale's "
                    + "facts, loyalty points). Paged with page (0-based) and size (default 50, max 500): {items, "
                    + "page, size, total}. Roles: OWNER, PLATFORM_ADMIN naming the tenant.")
    @APIResponse(responseCode = "200", description = "A page of messages.")
    public Page<ExceptionMessage> list(@QueryParam("queue") String queue, @BeanParam Paging paging) {
        return destinations.list(tenant(), queue, paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of this tenant's messages in the exception destinations",
            description = "Roles: OWNER, PLATFORM_ADMIN naming the tenant.")
    @APIResponse(responseCode = "200", description = "The message.")
    @APIResponse(responseCode = "404", description = "No such message of this tenant (another tenant's is 404 too).")
    public ExceptionMessage get(@PathParam("id") String id) {
        return destinations.get(id, tenant());
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Move one of this tenant's messages back to the queue it failed on; its event is applied once",
            description = "Answers the message as moved. Roles: OWNER, PLATFORM_ADMIN naming the tenant.")
    @APIResponse(responseCode = "200", description = "The message, moved back.")
    @APIResponse(responseCode = "404", description = "No such message of this tenant.")
    public ExceptionMessage redrive(@PathParam("id") String id) {
        return destinations.redrive(id, tenant());
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Move all of this tenant's messages (optionally of one queue) back to the queues they "
            + "failed on",
            description = "Answers how many were moved. Roles: OWNER, PLATFORM_ADMIN naming the tenant.")
    @APIResponse(responseCode = "200", description = "{redriven}: how many were moved back.")
    public Redriven redriveAll(@QueryParam("queue") String queue) {
        return new Redriven(destinations.redriveAll(tenant(), queue));
    }

    private static String tenant() {
        return TenantContext.require().slug();
    }
}
