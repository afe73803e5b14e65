package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from a proxy the operator listed, and only as far as it is an address. */
class ClientAddressTest {

    private static ClientAddress trusting(String proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = Optional.ofNullable(proxies);
        address.init();
        return address;
    }

    private static HttpServletRequest request(String peer, String forwarded) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwarded : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void byDefaultTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", trusting(null).of(request("203.0.113.9", "10.1.1.1")));
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress address = trusting("10.0.0.1, 10.0.0.2");
        // a client-sent first entry is ignored: the proxies appended the real hops after it
        assertEquals("198.51.100.7", address.of(request("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2")));
        assertEquals("10.0.0.1", address.of(request("10.0.0.1", null)));
        assertEquals("10.0.0.1", address.of(request("10.0.0.1", "not-an-address")));
        assertEquals("10.0.0.1", address.of(request("10.0.0.1", "1.2.3.4".repeat(400))));
        // an untrusted peer's header is never believed
        assertEquals("203.0.113.9", address.of(request("203.0.113.9", "198.51.100.7")));
    }

    @Test
    void theIpv6LoopbackHasOneSpelling() {
        assertEquals("198.51.100.8", trusting("::1").of(request("0:0:0:0:0:0:0:1", "198.51.100.8")));
    }
}
