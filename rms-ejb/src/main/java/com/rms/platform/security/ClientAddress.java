package com.rms.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client of a request, as budgets and lockouts key on it: the direct peer,
 * unless that peer is one of the proxies listed in {@code rms.trusted-proxies} (env
 * {@code RMS_TRUSTED_PROXIES}, comma-separated IP addresses, default none), in which case the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Anyone can send
 * the header, so it is believed only from a proxy the operator named.
 */
@ApplicationScoped
public class ClientAddress {

    /** What an IPv4 or IPv6 literal can look like; anything else in the header is not an address. */
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    @ConfigProperty(name = "rms.trusted-proxies")
    Optional<String> trustedProxies;

    private List<String> trusted = List.of();

    @PostConstruct
    void init() {
        trusted = trustedProxies.map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                .map(ClientAddress::normal).toList()).orElse(List.of());
    }

    /** The client's address for this request. */
    public String of(HttpServletRequest request) {
        String peer = normal(request.getRemoteAddr());
        if (!trusted.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.length() > 2000) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normal(hops[i].trim());
            if (!IP.matcher(hop).matches()) {
                return peer;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** One spelling per address for the loopback and case, so the list and the peer compare equal. */
    private static String normal(String address) {
        if (address == null) {
            return "unknown";
        }
        String a = address.toLowerCase(Locale.ROOT);
        return "0:0:0:0:0:0:0:1".equals(a) ? "::1" : a;
    }
}
