package com.rms.web.edge;

import com.rms.platform.error.AuthorizationException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * A resource method that declares no roles (neither on itself nor on its class) is refused:
 * access is denied by default, never granted by forgetting an annotation. {@link PartnerSigned}
 * declares access too: partners only, by their signature.
 */
@Provider
public class DenyByDefault implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (!declaresAccess(resource.getResourceMethod(), resource.getResourceClass())) {
            context.register((jakarta.ws.rs.container.ContainerRequestFilter) request -> {
                throw new AuthorizationException("this operation declares no roles and is denied");
            });
        }
    }

    public static boolean declaresAccess(Method method, Class<?> type) {
        return isAnnotated(method.getAnnotations()) || isAnnotated(type.getAnnotations());
    }

    private static boolean isAnnotated(java.lang.annotation.Annotation[] annotations) {
        for (var a : annotations) {
            if (a instanceof RolesAllowed || a instanceof PermitAll || a instanceof DenyAll || a instanceof PartnerSigned) {
                return true;
            }
        }
        return false;
    }
}
