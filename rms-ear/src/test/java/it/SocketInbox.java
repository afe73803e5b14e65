package it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test's socket on {@code /ws/events} receives, and how it was closed ({@code "<code> <reason>"}). */
public final class SocketInbox implements WebSocket.Listener {

    public final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (var r = Json.createReader(new StringReader(partial.toString()))) {
                events.add(r.readObject());
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete("error " + error);
    }

    /** The next event of this type within 5 s, or null. */
    public JsonObject next(String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.getString("type").equals(type)) {
                return e;
            }
        }
        return null;
    }
}
