package com.rms.web.edge;

import com.rms.online.application.PartnerAuthentication;
import com.rms.online.application.PartnerAuthentication.SignedRequest;
import com.rms.platform.security.CallerContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates a call to a {@link PartnerSigned} endpoint by its signature, in the place of the bearer
 * token: reads the raw body (at most the body limit, 413 beyond it), checks the signature over exactly
 * those bytes before anything parses them ({@link PartnerAuthentication}), and hands the same bytes on
 * to the rest of the chain ({@link JsonBodyGuard}, the JSON binder). The request then runs as the
 * partner: role {@code PARTNER}, its tenant (which {@link TenantFilter} resolves next) and its outlets.
 */
@Provider
@PartnerSigned
@Priority(Priorities.AUTHENTICATION)
public class PartnerSignatureFilter implements ContainerRequestFilter {

    public static final String KEY_ID = "X-RMS-Key-Id";
    public static final String TIMESTAMP = "X-RMS-Timestamp";
    public static final String SIGNATURE = "X-RMS-Signature";

    @Inject
    PartnerAuthentication authentication;

    @Inject
    @ConfigProperty(name = "rms.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** Whether the matched operation is a partner endpoint. */
    static boolean isPartnerEndpoint(ResourceInfo resource) {
        return resource.getResourceMethod() != null && (resource.getResourceMethod().isAnnotationPresent(PartnerSigned.class)
                || resource.getResourceClass().isAnnotationPresent(PartnerSigned.class));
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] body = JsonBodyGuard.readAtMost(request.getEntityStream(), maxBodyBytes);
        request.setEntityStream(new ByteArrayInputStream(body));
        CallerContext.set(authentication.authenticate(new SignedRequest(request.getHeaderString(TenantFilter.TENANT_HEADER),
                request.getHeaderString(KEY_ID), request.getHeaderString(TIMESTAMP), request.getHeaderString(SIGNATURE),
                body)));
    }
}
