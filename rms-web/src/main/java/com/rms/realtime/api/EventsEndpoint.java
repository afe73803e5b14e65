package com.rms.realtime.api;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
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

    private static final RmsLog LOG = RmsLog.of(EventsEndpoint.class);

    @Inject
    EventHub hub;

    @Inject
    TokenVerifier verifier;

    @OnOpen
    public void open(Session session) throws IOException {
        try {
            TokenVerifier.SocketGrant grant = verifier.verifySocket(token(session));
            if (grant.caller().tenant() == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "a tenant token is required"));
                return;
            }
            hub.join(session, grant.caller(), grant.subject(), grant.closeAt());
        } catch (AuthenticationException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed"));
        } catch (RuntimeException e) {
            // e.g. the staff record could not be read: closed, so the client reconnects, never left open and deaf
            LOG.error(LogContext.REQUEST, "socket " + session.getId() + " could not be opened", e);
            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "try again"));
        }
    }

    @OnClose
    public void close(Session session) {
        hub.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub.leave(session);
        // a client that went away is routine; anything else is a failure someone must see
        if (!(error instanceof IOException)) {
            LOG.error(LogContext.REQUEST, "socket " + session.getId() + " failed", error);
        }
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
