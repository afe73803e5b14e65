package com.rms.online.api;

import com.rms.online.application.Partners;
import com.rms.platform.paging.Page;
import com.rms.platform.security.CallerContext;
import com.rms.tenancy.application.OutletView;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.PartnerSigned;
import com.rms.web.edge.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a partner's client asks first, to check its key: the outlets it may send orders to. */
@ApplicationScoped
@Path("/partner/outlets")
@TenantScoped
@PartnerSigned
@Tag(name = ApiTags.PARTNERS)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerOutletsResource {

    @Inject
    Partners partners;

    @GET
    @Operation(summary = "The outlets this partner may send orders to",
            description = "A partner-signed call (X-Tenant-ID, X-RMS-Key-Id, X-RMS-Timestamp, X-RMS-Signature; no "
                    + "bearer token): the partner's outlets that are open, by name. A good answer proves the key, the "
                    + "secret and the signing code.")
    @SecurityRequirementsSet({@SecurityRequirement(name = "partnerKeyId"), @SecurityRequirement(name = "partnerTimestamp"),
        @SecurityRequirement(name = "partnerSignature")})
    @APIResponse(responseCode = "200", description = "The outlets, as items")
    @APIResponse(responseCode = "401", description = "X-Tenant-ID or a signature header missing; unknown, revoked or "
            + "other tenant's key; timestamp outside +-300 s; wrong signature (one answer for all)",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "The tenant is suspended", content = @Content(mediaType = PartnerResource.PROBLEM))
    @APIResponse(responseCode = "503", description = "The tenant is unavailable, or this server cannot open partner keys",
            content = @Content(mediaType = PartnerResource.PROBLEM))
    public Page<OutletView> outlets() {
        List<OutletView> outlets = partners.outletsOf(CallerContext.current());
        return new Page<>(outlets, 0, outlets.size(), outlets.size());
    }
}
