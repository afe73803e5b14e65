package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.online.application.PartnerAuthentication;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filter checks the raw body it read and hands exactly those bytes on; over the limit nothing is checked. */
class PartnerSignatureFilterTest {

    static final Caller PARTNER = new Caller("partner:7", "demo", Set.of(Role.PARTNER), Set.of(1001L));

    /** Records what it was asked to check, and answers with {@link #PARTNER} or refuses. */
    static final class Recording extends PartnerAuthentication {
        PartnerAuthentication.SignedRequest seen;
        boolean refuse;

        @Override
        public Caller authenticate(PartnerAuthentication.SignedRequest request) {
            seen = request;
            if (refuse) {
                throw new AuthenticationException("a valid partner signature is required");
            }
            return PARTNER;
        }
    }

    /** A request context with these headers and body; {@code entity[0]} is the stream the filter leaves for the chain. */
    static ContainerRequestContext request(Map<String, String> headers, byte[] body, InputStream[] entity) {
        entity[0] = new ByteArrayInputStream(body);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> headers.get((String) args[0]);
                    case "getEntityStream" -> entity[0];
                    case "setEntityStream" -> {
                        entity[0] = (InputStream) args[0];
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static PartnerSignatureFilter filter(PartnerAuthentication authentication, long limit) {
        PartnerSignatureFilter filter = new PartnerSignatureFilter();
        filter.authentication = authentication;
        filter.maxBodyBytes = limit;
        return filter;
    }

    static final Map<String, String> HEADERS = Map.of("X-Tenant-ID", "demo", "X-RMS-Key-Id", "pk_0123456789abcdef01234567",
            "X-RMS-Timestamp", "1767225600", "X-RMS-Signature", "ab".repeat(32));

    @AfterEach
    void clear() {
        CallerContext.clear();
    }

    @Test
    void theRawBodyIsCheckedAndTheSameBytesAreHandedOn() throws Exception {
        byte[] body = "{\"outletId\": 1001, \"note\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        InputStream[] entity = new InputStream[1];
        Recording authentication = new Recording();
        filter(authentication, 1024).filter(request(HEADERS, body, entity));
        assertArrayEquals(body, authentication.seen.body());
        assertEquals("demo", authentication.seen.tenant());
        assertEquals("pk_0123456789abcdef01234567", authentication.seen.keyId());
        assertEquals("1767225600", authentication.seen.timestamp());
        assertEquals("ab".repeat(32), authentication.seen.signature());
        assertArrayEquals(body, entity[0].readAllBytes(), "the chain reads exactly the bytes that were checked");
        assertSame(PARTNER, CallerContext.current());
    }

    @Test
    void aBodylessCallIsCheckedAsAnEmptyBody() throws Exception {
        Recording authentication = new Recording();
        filter(authentication, 1024).filter(request(HEADERS, new byte[0], new InputStream[1]));
        assertEquals(0, authentication.seen.body().length);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingIsChecked() {
        Recording authentication = new Recording();
        assertThrows(PayloadTooLargeException.class,
                () -> filter(authentication, 16).filter(request(HEADERS, new byte[17], new InputStream[1])));
        assertNull(authentication.seen);
    }

    @Test
    void aRefusalLeavesNoCaller() {
        Recording authentication = new Recording();
        authentication.refuse = true;
        assertThrows(AuthenticationException.class,
                () -> filter(authentication, 1024).filter(request(HEADERS, new byte[0], new InputStream[1])));
        assertSame(Caller.SYSTEM, CallerContext.current(), "no partner was set");
    }
}
