package com.rms.web.edge;

import com.rms.platform.security.Role.Names;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The public REST API under {@code /api/v1}, authenticated by MicroProfile JWT. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "rms")
@DeclareRoles({Names.PLATFORM_ADMIN, Names.OWNER, Names.MANAGER, Names.CASHIER, Names.WAITER, Names.KITCHEN,
    Names.BATCH_OPERATOR, Names.PARTNER})
@OpenAPIDefinition(
        info = @Info(title = "RMS API", version = "1.0",
                description = "Multi-tenant restaurant management: tenants, outlets, staff, menu, stock, orders, payments."),
        components = @Components(securitySchemes = {@SecurityScheme(securitySchemeName = "jwt",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT"),
            // partner endpoints: the three signature headers together (README "Partners and request signing")
            @SecurityScheme(securitySchemeName = "partnerKeyId", type = SecuritySchemeType.APIKEY,
                    in = SecuritySchemeIn.HEADER, apiKeyName = "X-RMS-Key-Id", description = "The partner's key id"),
            @SecurityScheme(securitySchemeName = "partnerTimestamp", type = SecuritySchemeType.APIKEY,
                    in = SecuritySchemeIn.HEADER, apiKeyName = "X-RMS-Timestamp",
                    description = "Epoch seconds, within 300 s of the server's clock"),
            @SecurityScheme(securitySchemeName = "partnerSignature", type = SecuritySchemeType.APIKEY,
                    in = SecuritySchemeIn.HEADER, apiKeyName = "X-RMS-Signature",
                    description = "Lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of the secret, over "
                            + "timestamp + \".\" + raw body")}),
        security = @SecurityRequirement(name = "jwt"))
public class RmsApplication extends Application {
}
