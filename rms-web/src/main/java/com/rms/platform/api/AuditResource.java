package com.rms.platform.api;

import com.rms.platform.audit.AuditEntry;
import com.rms.platform.audit.AuditTrail;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit trail and the check of its hash chain. */
@ApplicationScoped
@Path("/audit")
@TenantScoped
@RolesAllowed({Names.OWNER, Names.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.AUDIT)
public class AuditResource {

    @Inject
    AuditTrail audit;

    /** One audit line. */
    public record AuditLine(long seq, OffsetDateTime at, String actor, String action, String target, String detail,
            String approvedBy, String hash) {
        static AuditLine of(AuditEntry e) {
            return new AuditLine(e.getSeq(), e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail(),
                    e.getApprovedBy(), e.getHash());
        }
    }

    @GET
    @Operation(summary = "List the audit trail",
            description = "Who did what and when, with approvals, in sequence, each line chained by its hash. Paged "
                    + "with page (0-based) and size (default 50, max 500): {items, page, size, total}. Roles: OWNER, "
                    + "PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "A page of audit lines.")
    public Page<AuditLine> list(@BeanParam Paging paging) {
        return audit.list(paging.request()).map(AuditLine::of);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Verify the audit trail's hash chain",
            description = "Recomputes the chain and tells whether and where it is broken. Roles: OWNER, "
                    + "PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The verification.")
    public AuditTrail.Verification verify() {
        return audit.verify();
    }
}
