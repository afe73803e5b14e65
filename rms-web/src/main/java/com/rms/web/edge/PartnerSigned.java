package com.rms.web.edge;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks partner endpoints: open to partners' signed requests only ({@link PartnerSignatureFilter}),
 * never to a bearer token. It declares the access of the operation, as {@code @RolesAllowed} does
 * elsewhere ({@link DenyByDefault}), and the caller it runs as has the role {@code PARTNER}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PartnerSigned {
}
