package com.rms.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RmsLogTest {

    private final Logger logger = Logger.getLogger(RmsLogTest.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void aHugeMessageIsClippedAndCannotForgeLines() {
        String attack = "x".repeat(200_000) + "\n{\"forged\":\"line\"}";
        RmsLog.of(RmsLogTest.class).warn(LogContext.SECURITY, "sign-in failed for tenant " + attack);
        String written = records.get(0).getMessage();
        assertTrue(written.length() <= RmsLog.MAX_MESSAGE + 10, "clipped to about " + RmsLog.MAX_MESSAGE + ": " + written.length());
        assertTrue(written.startsWith("sign-in failed for tenant xxx"));
        assertTrue(written.endsWith("…[cut]"));
    }

    @Test
    void controlCharactersAreEscapedSoOneEventIsOneLine() {
        RmsLog.of(RmsLogTest.class).info(LogContext.REQUEST, "user a\r\nINFO forged line\tand\u0007bell");
        String written = records.get(0).getMessage();
        assertEquals("user a\\r\\nINFO forged line\\tand\\u0007bell", written);
    }

    @Test
    void aQuoteOfClientInputIsAtMost200Characters() {
        assertEquals(200 + "…[cut]".length(), RmsLog.clip("y".repeat(5000)).length());
        assertEquals("short", RmsLog.clip("short"));
    }

    @Test
    void aRedactedCardNumberIsNotCutInHalfAtTheEdge() {
        String message = "n".repeat(RmsLog.MAX_MESSAGE - 8) + " 4111 1111 1111 1111 and more";
        RmsLog.of(RmsLogTest.class).info(LogContext.REQUEST, message);
        String written = records.get(0).getMessage();
        assertFalse(written.contains("4111"), written.substring(written.length() - 40));
    }

    @Test
    void theCauseIsLoggedWithItsStackButItsMessageClippedAndRedacted() {
        IllegalStateException cause = new IllegalStateException("bad body " + "z".repeat(100_000) + " 4111111111111111",
                new IllegalArgumentException("inner\nline"));
        RmsLog.of(RmsLogTest.class).error(LogContext.REQUEST, "failed", cause);
        Throwable logged = records.get(0).getThrown();
        assertTrue(logged.getMessage().length() < 500, "clipped: " + logged.getMessage().length());
        assertEquals(cause.getStackTrace().length, logged.getStackTrace().length, "the stack is kept");
        assertTrue(logged.toString().startsWith("java.lang.IllegalStateException: bad body"));
        assertEquals("java.lang.IllegalArgumentException: inner\\nline", logged.getCause().toString());
        assertTrue(records.get(0).getMessage().length() < RmsLog.MAX_MESSAGE + 600);
    }

    @Test
    void aWriteThatDoesNotReturnIsSeenInProgressUntilItDoes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Handler blocking = new Handler() {
            @Override
            public void publish(LogRecord record) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(blocking);
        try {
            Thread writer = new Thread(() -> RmsLog.of(RmsLogTest.class).info(LogContext.REQUEST, "stuck"));
            writer.start();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            long running = LogWrites.oldestRunningNanos(System.nanoTime());
            assertTrue(running >= 50_000_000L, "the blocked write is seen running: " + running);
            assertTrue(LogWrites.inProgress() >= 1);
            release.countDown();
            writer.join(5000);
            assertEquals(0, LogWrites.oldestRunningNanos(System.nanoTime()), "nothing in progress once it returned");
        } finally {
            release.countDown();
            logger.removeHandler(blocking);
        }
    }
}
