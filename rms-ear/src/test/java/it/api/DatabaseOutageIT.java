package it.api;

import static it.Api.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.DatabaseOutage;
import jakarta.json.JsonObject;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * While the server cannot reach its database, every request that needs it answers a quick 503
 * problem with {@code Retry-After} (never a 500, never a hang) and readiness is DOWN; once the
 * database is back, readiness is UP and the same calls answer 200 again. The database is cut off
 * without stopping the PostgreSQL server ({@link DatabaseOutage}), so this runs in the PostgreSQL phase.
 */
@Tag("postgresql")
class DatabaseOutageIT {

    /** What "quick" means: the answer arrives within this, even for the first request after the cut. */
    private static final long QUICK_MILLIS = 2_000;

    @Test
    void aDatabaseOutageAnswers503QuicklyAndReadinessFollowsIt() throws Exception {
        assertEquals("postgresql", System.getenv("RMS_DB"), "runs in the PostgreSQL phase only (tag postgresql)");
        String owner = Api.login("demo", "owner", "owner-demo");
        assertEquals(200, at("/api/v1/outlets").token(owner).tenant("demo").get().status());

        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            assertQuick503(() -> at("/api/v1/outlets").token(owner).tenant("demo").get(), "an authenticated read");
            assertQuick503(() -> at("/api/v1/outlets").token(owner).tenant("demo").get(), "the next read");
            assertQuick503(() -> at("/api/v1/auth/token")
                    .post(Api.obj("tenant", "demo", "username", "owner", "password", "owner-demo")), "a sign-in");
            assertTrue(eventually(5, () -> at("/health/ready").get().status() == 503),
                    "readiness goes DOWN while the database is away");
            Reply ready = at("/health/ready").get();
            assertTrue(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("DOWN")),
                    ready::toString);
        }

        assertTrue(eventually(15, () -> at("/health/ready").get().status() == 200),
                "readiness is UP again within seconds of the database's return");
        assertTrue(eventually(10, () -> at("/api/v1/outlets").token(owner).tenant("demo").get().status() == 200),
                "and the same read answers 200");
        assertEquals(200, at("/api/v1/auth/token")
                .post(Api.obj("tenant", "demo", "username", "owner", "password", "owner-demo")).status());
    }

    private static void assertQuick503(Supplier<Reply> call, String what) {
        long started = System.nanoTime();
        Reply reply = call.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, reply.status(), () -> what + ": " + reply);
        assertEquals("service-unavailable", reply.kind(), () -> what + ": " + reply);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), () -> what + ": " + reply);
        assertNotNull(reply.header("Retry-After"), () -> what + " carries Retry-After: " + reply);
        assertTrue(millis < QUICK_MILLIS, () -> what + " took " + millis + " ms");
    }

    private static boolean eventually(int seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.get();
    }
}
