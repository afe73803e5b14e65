package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Five-field cron in a time zone: fields, next times across DST, and the 5-minute floor. */
class CronTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime berlin(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN);
    }

    @Test
    void nightlyAtThreeFiresEachDayInTheZone() {
        Cron cron = Cron.parse("0 3 * * *");
        assertEquals(berlin("2026-12-08T03:00"), cron.next(berlin("2026-12-07T03:00"), BERLIN).orElseThrow());
        assertEquals(berlin("2026-12-07T03:00"), cron.next(berlin("2026-12-07T02:59"), BERLIN).orElseThrow());
        // the same instant asked in UTC
        assertEquals(berlin("2026-12-08T03:00").toInstant(),
                cron.next(berlin("2026-12-07T03:00").withZoneSameInstant(ZoneId.of("UTC")), BERLIN).orElseThrow().toInstant());
    }

    @Test
    void aTimeInTheSpringGapFiresAfterItAndAnAutumnTimeFiresOnce() {
        Cron cron = Cron.parse("30 2 * * *");
        // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin
        ZonedDateTime spring = cron.next(berlin("2026-03-28T12:00"), BERLIN).orElseThrow();
        assertEquals(berlin("2026-03-29T03:30"), spring);
        assertEquals(berlin("2026-03-30T02:30"), cron.next(spring, BERLIN).orElseThrow());
        // 25 October 2026: 02:00-03:00 happens twice; the report runs once
        ZonedDateTime autumn = cron.next(berlin("2026-10-24T12:00"), BERLIN).orElseThrow();
        assertEquals(berlin("2026-10-25T02:30").withEarlierOffsetAtOverlap(), autumn);
        assertEquals(berlin("2026-10-26T02:30"), cron.next(autumn, BERLIN).orElseThrow());
    }

    @Test
    void listsRangesStepsAndWeekdays() {
        Cron weekdays = Cron.parse("15 6 * * 1-5");
        // Saturday 12 December 2026 → Monday 14th
        assertEquals(berlin("2026-12-14T06:15"), weekdays.next(berlin("2026-12-11T07:00"), BERLIN).orElseThrow());
        Cron sunday = Cron.parse("0 0 * * 7");
        assertEquals(berlin("2026-12-13T00:00"), sunday.next(berlin("2026-12-07T00:00"), BERLIN).orElseThrow());
        Cron firstOrMonday = Cron.parse("0 4 1 * 1");
        assertEquals(berlin("2026-12-14T04:00"), firstOrMonday.next(berlin("2026-12-08T00:00"), BERLIN).orElseThrow());
        assertEquals(berlin("2027-01-01T04:00"), firstOrMonday.next(berlin("2026-12-28T05:00"), BERLIN).orElseThrow());
        Cron quarterHours = Cron.parse("0,15,30-45/15 8-9 * * *");
        assertEquals(berlin("2026-12-07T08:30"), quarterHours.next(berlin("2026-12-07T08:15"), BERLIN).orElseThrow());
        assertEquals(berlin("2026-12-07T09:00"), quarterHours.next(berlin("2026-12-07T08:45"), BERLIN).orElseThrow());
        Cron leap = Cron.parse("0 0 29 2 *");
        assertEquals(berlin("2028-02-29T00:00"), leap.next(berlin("2026-12-07T00:00"), BERLIN).orElseThrow());
    }

    @Test
    void tooFrequentSchedulesAreSeen() {
        ZonedDateTime now = berlin("2026-12-07T10:00");
        assertEquals(Duration.ofMinutes(1), Cron.parse("* * * * *").shortestInterval(now, BERLIN));
        assertEquals(Duration.ofMinutes(2), Cron.parse("0-59/2 * * * *").shortestInterval(now, BERLIN));
        assertEquals(Duration.ofMinutes(1), Cron.parse("0,1 3 * * *").shortestInterval(now, BERLIN));
        assertEquals(Duration.ofMinutes(5), Cron.parse("*/5 * * * *").shortestInterval(now, BERLIN));
        assertTrue(Cron.parse("0 3 * * *").shortestInterval(now, BERLIN).compareTo(Cron.MIN_INTERVAL) > 0);
    }

    @Test
    void malformedExpressionsSayWhatIsWrong() {
        for (String bad : new String[] {"", "0 3 * *", "60 3 * * *", "0 24 * * *", "0 3 0 * *", "0 3 * 13 *",
                "0 3 * * 8", "a 3 * * *", "5-1 3 * * *", "0 3 * * * *", "*/0 * * * *"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cron.parse(bad), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
        }
    }
}
