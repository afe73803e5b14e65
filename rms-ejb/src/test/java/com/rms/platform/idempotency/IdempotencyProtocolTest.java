package com.rms.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.idempotency.IdempotencyKeys.Claim;
import com.rms.platform.idempotency.IdempotencyKeys.Keyed;
import com.rms.platform.idempotency.IdempotencyKeys.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link IdempotencyKeys#once}, the one protocol of the edge and the screens, over a claim the test decides. */
class IdempotencyProtocolTest {

    /** The key store's transactions replaced by a record of what the protocol asked of them. */
    static final class Keys extends IdempotencyKeys {
        Claim next = Claim.PROCEED;
        final List<String> calls = new ArrayList<>();

        Keys() {
            self = this;
        }

        @Override
        public Claim claim(String key, String requestHash) {
            calls.add("claim");
            return next;
        }

        @Override
        public void settle(String key, int status, String body) {
            calls.add("settle " + status + " " + (body == null ? "release" : "store"));
        }

        @Override
        public void release(String key) {
            calls.add("release");
        }
    }

    /** A request whose recheck may refuse and whose work may fail. */
    static final class Work implements Keyed<String> {
        RuntimeException refuse;
        RuntimeException fail;
        final List<String> seen = new ArrayList<>();

        @Override
        public String run(Long resume) {
            seen.add("run " + resume);
            if (fail != null) {
                throw fail;
            }
            return "done";
        }

        @Override
        public String replay(Replay stored) {
            seen.add("replay " + stored.status());
            return stored.body();
        }

        @Override
        public void recheck(Replay stored, Long resume) {
            seen.add("recheck " + resume);
            if (refuse != null) {
                throw refuse;
            }
        }
    }

    private final Keys keys = new Keys();
    private final Work work = new Work();
    private static final Function<RmsException, String> STORE_CLIENT_ERRORS = e -> e.status() < 500 ? "problem" : null;

    @Test
    void aReplayIsRecheckedFirstAndAnsweredWithTheStoredStatusAndBody() {
        keys.next = new Claim(new Replay(201, "application/json", "{\"id\":1}"), null);
        assertEquals("{\"id\":1}", keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        assertEquals(List.of("recheck null", "replay 201"), work.seen);
    }

    @Test
    void aCallerWhoMayNotSeeTheOrderGetsTheDirectReadsAnswerAndNoReplay() {
        keys.next = new Claim(new Replay(201, "application/json", "{\"id\":1}"), null);
        work.refuse = new NotFoundException("no order 1");
        assertThrows(NotFoundException.class, () -> keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        assertEquals(List.of("recheck null"), work.seen);
        assertEquals(List.of("claim"), keys.calls, "the stored answer stays as it was");
    }

    @Test
    void aPartialFirstAttemptIsContinuedNotReplayed() {
        keys.next = new Claim(new Replay(503, "application/problem+json", "{}"), 42L);
        assertEquals("done", keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        assertEquals(List.of("recheck 42", "run 42"), work.seen);
    }

    @Test
    void aContinuationRefusedByTheRecheckOnlyUnlocksTheKey() {
        keys.next = new Claim(new Replay(503, "application/problem+json", "{}"), 42L);
        work.refuse = new NotFoundException("no order 42");
        assertThrows(NotFoundException.class, () -> keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        assertEquals(List.of("claim", "release"), keys.calls);
        assertEquals(List.of("recheck 42"), work.seen, "nothing was run");
    }

    @Test
    void clientErrorsAreStoredAndOutagesReleasedForANewAttempt() {
        work.fail = new ValidationException("bad", List.of());
        assertThrows(ValidationException.class, () -> keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        work.fail = new ServiceUnavailableException("down", 5);
        assertThrows(ServiceUnavailableException.class, () -> keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        work.fail = new IllegalStateException("bug");
        assertThrows(IllegalStateException.class, () -> keys.once("k", "h", STORE_CLIENT_ERRORS, work));
        assertEquals(List.of("claim", "settle 400 store", "claim", "settle 503 release", "claim", "release"), keys.calls);
        assertEquals(List.of("run null", "run null", "run null"), work.seen, "a fresh claim is never rechecked: nothing to see yet");
    }
}
