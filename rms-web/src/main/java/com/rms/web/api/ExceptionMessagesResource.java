package com.rms.web.api;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.messaging.ExceptionDestinations;
import com.rms.platform.messaging.ExceptionMessage;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.domain.TenantSlug;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The exception destinations of every tenant, for the platform's operators: they hold all tenants'
 * messages, so this view is the platform admin's ({@code tenant} narrows it to one); a chain's
 * owner has the same view of their own tenant at {@code /exception-messages}.
 */
@ApplicationScoped
@Path("/system/exception-messages")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.OPERATIONS)
public class ExceptionMessagesResource {

    @Inject
    ExceptionDestinations destinations;

    /** How many messages a re-drive moved back. */
    public record Redriven(int redriven) {
    }

    @GET
    @Operation(summary = "The messages in the exception destinations, oldest failure first: queue, tenant, event "
            + "type and id, why and when they were moved there; optionally of one tenant and one queue",
            description = "All tenants' messages that a consumer could not apply; tenant (a slug) and queue narrow "
                    + "it. Paged with page (0-based) and size (default 50, max 500): {items, page, size, total}. "
                    + "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "A page of messages.")
    @APIResponse(responseCode = "400", description = "tenant is not a tenant slug.")
    public Page<ExceptionMessage> list(@QueryParam("tenant") String tenant, @QueryParam("queue") String queue,
            @BeanParam Paging paging) {
        return destinations.list(slug(tenant), queue, paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message of the exception destinations",
            description = "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The message.")
    @APIResponse(responseCode = "404", description = "No such message.")
    public ExceptionMessage get(@PathParam("id") String id) {
        return destinations.get(id, null);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Move a message back to the queue it failed on, once its cause is fixed; "
            + "its event is applied once however often it is sent",
            description = "Answers the message as moved. Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The message, moved back.")
    @APIResponse(responseCode = "404", description = "No such message.")
    public ExceptionMessage redrive(@PathParam("id") String id) {
        return destinations.redrive(id, null);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Move every message (optionally of one tenant and one queue) back to the queue it failed on",
            description = "Answers how many were moved. Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "{redriven}: how many were moved back.")
    @APIResponse(responseCode = "400", description = "tenant is not a tenant slug.")
    public Redriven redriveAll(@QueryParam("tenant") String tenant, @QueryParam("queue") String queue) {
        return new Redriven(destinations.redriveAll(slug(tenant), queue));
    }

    /** The tenant filter, checked as every tenant slug is (400 otherwise). */
    static String slug(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return null;
        }
        if (!TenantSlug.isWellFormed(tenant)) {
            throw new ValidationException("the tenant is not a tenant slug",
                    List.of(new FieldError("tenant", TenantSlug.RULE)));
        }
        return tenant;
    }
}
