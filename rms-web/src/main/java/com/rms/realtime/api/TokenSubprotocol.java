package com.rms.realtime.api;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Browsers cannot set headers on a WebSocket, so a client may offer {@code bearer, <token>} as its
 * subprotocols. Selecting the token itself as the negotiated subprotocol keeps it with this one
 * session (endpoint configuration is shared between sessions and must not carry it).
 */
public class TokenSubprotocol extends ServerEndpointConfig.Configurator {

    static final String BEARER = "bearer";

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        int bearer = requested.indexOf(BEARER);
        if (bearer >= 0 && bearer + 1 < requested.size()) {
            return requested.get(bearer + 1);
        }
        return "";
    }
}
