package com.rms.web.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EdgeFilterTest {

    @Test
    void generatedRequestIdsAreDistinctVersion4UuidsTheEdgeWouldAcceptBack() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = EdgeFilter.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertTrue(id.matches("[A-Za-z0-9._:-]{1,128}"), "an id a client may send back as X-Request-ID: " + id);
            assertTrue(seen.add(id), "no id twice");
        }
    }
}
