package com.rms.online.api;

import com.rms.online.application.PartnerCommand;
import com.rms.online.application.PartnerView;
import com.rms.online.application.Partners;
import com.rms.platform.paging.Page;
import com.rms.platform.security.Role.Names;
import com.rms.web.edge.ApiTags;
import com.rms.web.edge.Created;
import com.rms.web.edge.Paging;
import com.rms.web.edge.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's delivery partners and web shops, and their keys: the owner's to manage. */
@ApplicationScoped
@Path("/partners")
@TenantScoped
@RolesAllowed(Names.OWNER)
@Tag(name = ApiTags.PARTNERS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PartnerResource.PROBLEM))
@APIResponse(responseCode = "403", description = "Not the tenant's owner, or X-Tenant-ID names another tenant",
        content = @Content(mediaType = PartnerResource.PROBLEM))
@APIResponse(responseCode = "400", description = "X-Tenant-ID missing or malformed, or invalid fields (named in errors)",
        content = @Content(mediaType = PartnerResource.PROBLEM))
public class PartnerResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Partners partners;

    @GET
    @Operation(summary = "List the partners", description = "Every partner of the tenant, revoked ones too (active "
            + "false), by name. Secrets are never listed.")
    @APIResponse(responseCode = "200", description = "A page of partners")
    public Page<PartnerView> list(@BeanParam Paging paging) {
        return partners.list(paging.request());
    }

    @POST
    @Operation(summary = "Create a partner and its key", description = "Issues a key id and a random secret for "
            + "signing requests. The secret is in this answer only: the server keeps it encrypted and never shows it "
            + "again. outletIds must be outlets of this tenant; webhookUrl, when given, an absolute http(s) URL.")
    @RequestBody(description = "The partner.", required = true,
            content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "a delivery platform at outlet 1", value = """
    {"name": "Lieferflitz", "webhookUrl": "https://hooks.lieferflitz.example/rms", "outletIds": [1]}""")}))
    @APIResponse(responseCode = "201", description = "The partner, with keyId and secret")
    public Response create(PartnerCommand command, @Context UriInfo uri) {
        PartnerView created = partners.create(command);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a partner", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The partner")
    @APIResponse(responseCode = "404", description = "No such partner in this tenant", content = @Content(mediaType = PROBLEM))
    public PartnerView get(@PathParam("id") long id) {
        return partners.get(id);
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "Rotate a partner's secret", description = "Issues a new secret for the same key id, shown in "
            + "this answer only. The previous secret keeps working for 10 minutes, then only the new one does.")
    @APIResponse(responseCode = "200", description = "The partner, with its new secret")
    @APIResponse(responseCode = "404", description = "No such partner in this tenant", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The partner is revoked", content = @Content(mediaType = PROBLEM))
    public PartnerView rotate(@PathParam("id") long id) {
        return partners.rotate(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a partner", description = "Its key stops working at once, every secret of it; the "
            + "partner stays listed as inactive. Revoking again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such partner in this tenant", content = @Content(mediaType = PROBLEM))
    public void revoke(@PathParam("id") long id) {
        partners.revoke(id);
    }
}
