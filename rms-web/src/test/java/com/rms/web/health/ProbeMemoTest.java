package com.rms.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbeMemoTest {

    private static final long MS = 1_000_000L;

    @Test
    void reusesAnAnswerUntilItIsTooOld() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        ProbeMemo<String> memo = new ProbeMemo<>(() -> "up-" + probes.incrementAndGet(), ms -> "stuck", 50 * MS, 1000 * MS);
        assertEquals("up-1", memo.get());
        assertEquals("up-1", memo.get(), "a poll within the age gets the same answer");
        Thread.sleep(80);
        assertEquals("up-2", memo.get(), "an older answer is probed again");
        assertEquals(2, probes.get());
    }

    @Test
    void pollsDuringAProbeGetThePreviousAnswerWithoutWaiting() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        ProbeMemo<String> memo = new ProbeMemo<>(() -> {
            int n = probes.incrementAndGet();
            if (n == 2) {
                probing.countDown();
                await(release);
            }
            return "answer-" + n;
        }, ms -> "stuck", 1 * MS, 5000 * MS);
        assertEquals("answer-1", memo.get());
        Thread.sleep(5);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(memo::get);
        assertTrue(probing.await(5, TimeUnit.SECONDS));
        assertEquals("answer-1", memo.get(), "the previous answer while the second probe runs");
        assertEquals(2, probes.get(), "only one probe at a time");
        release.countDown();
        assertEquals("answer-2", slow.get(5, TimeUnit.SECONDS));
        assertEquals("answer-2", memo.get());
    }

    @Test
    void aProbeThatDoesNotAnswerBecomesTheAnswer() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        ProbeMemo<String> memo = new ProbeMemo<>(() -> {
            if (probes.incrementAndGet() == 2) {
                probing.countDown();
                await(release);
            }
            return "up";
        }, ms -> "down after " + ms, 1 * MS, 30 * MS);
        assertEquals("up", memo.get());
        Thread.sleep(5);
        CompletableFuture<String> hanging = CompletableFuture.supplyAsync(memo::get);
        assertTrue(probing.await(5, TimeUnit.SECONDS));
        Thread.sleep(60);
        assertTrue(memo.get().startsWith("down after "), "a hanging dependency is not ready");
        release.countDown();
        assertEquals("up", hanging.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theFirstPollsWhileTheFirstProbeRunsAreNotAnsweredWithNothing() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProbeMemo<String> memo = new ProbeMemo<>(() -> {
            probing.countDown();
            await(release);
            return "up";
        }, ms -> "not probed yet", 1000 * MS, 1000 * MS);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(memo::get);
        assertTrue(probing.await(5, TimeUnit.SECONDS));
        assertEquals("not probed yet", memo.get());
        release.countDown();
        assertEquals("up", first.get(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
