package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input of every kind is a clear problem+json answer and changes nothing. */
class ErrorsIT {

    static TestTenant t;

    @BeforeAll
    static void tenant() {
        t = Api.newTenant("err");
    }

    private static void assertProblem(Reply reply, int status, String kind) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals(kind, reply.kind());
        assertEquals(status, reply.json().getInt("status"));
        assertNotNull(reply.json().getString("requestId"));
        assertFalse(reply.body().contains("Exception"), "no stack traces or class names: " + reply.body());
        assertFalse(reply.body().toLowerCase().contains("select "), "no SQL: " + reply.body());
    }

    @Test
    void malformedJsonAndWrongTypesAreValidationProblems() {
        assertProblem(t.call("/api/v1/outlets").send("POST", "{\"name\": \"Broken\""), 400, "validation");
        assertProblem(t.call("/api/v1/outlets").send("POST", "[1,2,3]"), 400, "validation");
        long outlet = Api.createOutlet(t, "Typed").getJsonNumber("id").longValue();
        Reply wrongType = t.call("/api/v1/outlets/" + outlet + "/tables").send("POST", "{\"label\": \"X\", \"seats\": \"many\"}");
        assertProblem(wrongType, 400, "validation");
        assertEquals(0, t.call("/api/v1/outlets/" + outlet + "/tables").get().array().size(), "nothing was created");
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        Reply reply = t.call("/api/v1/outlets").post(obj("name", "", "timezone", "Mars/Olympus", "currency", "EURO"));
        assertProblem(reply, 400, "validation");
        var fields = reply.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(java.util.List.of("name", "timezone", "currency")), fields::toString);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"timezone\": \"UTC\", \"currency\": \"EUR\"}";
        assertProblem(t.call("/api/v1/outlets").send("POST", huge), 413, "payload-too-large");
    }

    @Test
    void unknownIdsAndPathsAreNotFound() {
        assertProblem(t.call("/api/v1/outlets/987654321").get(), 404, "not-found");
        assertProblem(t.call("/api/v1/no-such-thing").get(), 404, "not-found");
    }

    @Test
    void aMissingTenantHeaderIs400() {
        assertProblem(at("/api/v1/outlets").token(t.ownerToken()).get(), 400, "validation");
    }

    @Test
    void duplicatesAreConflicts() {
        Api.createOutlet(t, "Twin");
        assertProblem(t.call("/api/v1/outlets").post(obj("name", "Twin", "timezone", "UTC", "currency", "EUR")), 409, "conflict");
    }

    @Test
    void theRequestIdIsEchoedOrGenerated() {
        Reply echoed = t.call("/api/v1/outlets").header("X-Request-ID", "trace-123").get();
        assertEquals("trace-123", echoed.header("X-Request-ID"));
        String generated = t.call("/api/v1/outlets").get().header("X-Request-ID");
        assertNotNull(generated);
        assertTrue(generated.length() >= 16);
    }

    @Test
    void overTheTenantsRateTheAnswerIs429WithRetryAfter() {
        TestTenant slow = Api.newTenant("slow", 3);
        Reply limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Reply r = slow.call("/api/v1/outlets").get();
            if (r.status() == 429) {
                limited = r;
            }
        }
        assertNotNull(limited, "a tenant limited to 3 requests/s must be refused within 20 quick requests");
        assertProblem(limited, 429, "rate-limited");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
    }
}
