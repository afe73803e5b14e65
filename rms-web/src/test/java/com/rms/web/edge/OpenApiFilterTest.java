package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI filter tells tenant-scoped paths by a rule on the path (the document has no classes):
 * it must agree with the resources that really are {@link TenantScoped}.
 */
class OpenApiFilterTest {

    @Test
    void theTenantScopedPathsOfTheDocumentAreTheTenantScopedResources() throws Exception {
        List<String> disagreeing = new ArrayList<>();
        int resources = 0;
        for (Class<?> type : DenyByDefaultTest.resourceClasses()) {
            resources++;
            String path = OpenApiFilter.API + "/" + type.getAnnotation(jakarta.ws.rs.Path.class).value().replaceAll("^/+", "");
            boolean scoped = type.isAnnotationPresent(TenantScoped.class)
                    || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(TenantScoped.class));
            if (scoped != OpenApiFilter.tenantScoped(path)) {
                disagreeing.add(type.getSimpleName() + " " + path + (scoped ? " is" : " is not") + " tenant-scoped");
            }
        }
        assertTrue(resources >= 15, "the scan found the API's resources: " + resources);
        assertEquals(List.of(), disagreeing);
    }

    @Test
    void theRuleKeepsPlatformAndSignInPathsOutAndNothingElse() {
        assertFalse(OpenApiFilter.tenantScoped("/api/v1/tenants"));
        assertFalse(OpenApiFilter.tenantScoped("/api/v1/tenants/{slug}/payment-provider"));
        assertFalse(OpenApiFilter.tenantScoped("/api/v1/system/status"));
        assertFalse(OpenApiFilter.tenantScoped("/api/v1/auth/socket-token"));
        assertTrue(OpenApiFilter.tenantScoped("/api/v1/tenantsx"));
        assertTrue(OpenApiFilter.tenantScoped("/api/v1/orders/{id}"));
        assertFalse(OpenApiFilter.tenantScoped("/health"));
    }
}
