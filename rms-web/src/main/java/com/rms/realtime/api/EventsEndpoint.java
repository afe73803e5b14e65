package com.rms.realtime.api;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.TokenVerifier;
import com.rms.realtime.EventHub;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;

/**
 * {@code /ws/events}: a tenant's (and, for outlet staff, their outlets') committed events. The
 * token — an API token, or a two-minute socket token from {@code POST /api/v1/auth/socket-token} —
 * comes as {@code ?access_token=} or in the subprotocol list ({@code bearer, <token>}); the
 * handshake filter has already refused bad ones, and each session checks its own again. The socket
 * is closed when the token (or the session a socket token was issued for) expires.
 */
@Dependent
@ServerEndpoint(value = "/ws/events", configurator = TokenSubprotocol.class)
public class EventsEndpoint {

    @Inject
    EventHub hub;

    @Inject
    TokenVerifier verifier;

    @OnOpen
    public void open(Session session) throws IOException {
        try {
            TokenVerifier.SocketGrant grant = verifier.verifySocket(token(session));
            Caller caller = grant.caller();
            if (caller.tenant() == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "a tenant token is required"));
                return;
            }
            hub.join(session, caller, grant.closeAt());
        } catch (AuthenticationException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed"));
        }
    }

    @OnClose
    public void close(Session session) {
        hub.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub.leave(session);
    }

    private static String token(Session session) {
        List<String> query = session.getRequestParameterMap().get("access_token");
        if (query != null && !query.isEmpty()) {
            return query.get(0);
        }
        String negotiated = session.getNegotiatedSubprotocol();
        return negotiated == null || negotiated.isEmpty() || TokenSubprotocol.BEARER.equals(negotiated) ? null : negotiated;
    }
}
