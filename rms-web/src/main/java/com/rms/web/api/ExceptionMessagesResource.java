package com.rms.web.api;

import com.rms.platform.messaging.ExceptionDestinations;
import com.rms.platform.messaging.ExceptionMessage;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.tenancy.domain.TenantSlug;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.web.edge.Paging;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The exception destinations of every tenant, for the platform's operators: they hold all tenants'
 * messages, so this view is the platform admin's ({@code tenant} narrows it to one); a chain's
 * owner has the same view of their own tenant at {@code /exception-messages}.
 */
@Path("/system/exception-messages")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ExceptionMessagesResource {

    @Inject
    ExceptionDestinations destinations;

    /** How many messages a re-drive moved back. */
    public record Redriven(int redriven) {
    }

    @GET
    @Operation(summary = "The messages in the exception destinations, oldest failure first: queue, tenant, event "
            + "type and id, why and when they were moved there; optionally of one tenant and one queue")
    public Page<ExceptionMessage> list(@QueryParam("tenant") String tenant, @QueryParam("queue") String queue,
            @BeanParam Paging paging) {
        return destinations.list(slug(tenant), queue, paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message of the exception destinations")
    public ExceptionMessage get(@PathParam("id") String id) {
        return destinations.get(id, null);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Move a message back to the queue it failed on, once its cause is fixed; "
            + "its event is applied once however often it is sent")
    public ExceptionMessage redrive(@PathParam("id") String id) {
        return destinations.redrive(id, null);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Move every message (optionally of one tenant and one queue) back to the queue it failed on")
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
