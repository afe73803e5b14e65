package com.rms.analytics.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}, minute
 * resolution) in a time zone: {@code *}, numbers, ranges {@code a-b}, lists {@code a,b} and steps
 * {@code * / n} or {@code a-b/n}; days of the week 0-7 (0 and 7 are Sunday). When both day fields are
 * restricted a day matching either fires, as in every cron. Local times that do not exist (a DST
 * gap) fire at the first instant after the gap; times that exist twice fire once, at the first.
 */
public final class Cron {

    /** Schedules firing more often than this are refused (API.md: 400). */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    /** How far ahead a next time is looked for (a 29 February schedule waits up to 8 years). */
    private static final int MAX_DAYS = 366 * 9;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private Cron(String expression, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
            boolean anyDay, boolean anyWeekday) {
        this.expression = expression;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.anyDay = anyDay;
        this.anyWeekday = anyWeekday;
    }

    /** Parses an expression; a malformed one throws {@link IllegalArgumentException} saying what is wrong. */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression has 5 fields: minute hour day-of-month month day-of-week");
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month "
                    + "day-of-week), not " + fields.length);
        }
        BitSet weekdays = field(fields[4], 0, 7, "day-of-week");
        if (weekdays.get(7)) {
            weekdays.set(0);
            weekdays.clear(7);
        }
        return new Cron(String.join(" ", fields), field(fields[0], 0, 59, "minute"), field(fields[1], 0, 23, "hour"),
                field(fields[2], 1, 31, "day-of-month"), field(fields[3], 1, 12, "month"), weekdays,
                fields[2].equals("*"), fields[4].equals("*"));
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name + " step");
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("bad " + name + " range '" + range + "'");
                }
                from = number(ends[0], min, max, name);
                to = number(ends[1], min, max, name);
                if (to < from) {
                    throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
                }
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String text, int min, int max, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " " + value + " is outside " + min + "-" + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + " '" + text + "'");
        }
    }

    /** The first time strictly after {@code after} at which this fires in {@code zone}, if any within 9 years. */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        for (int d = 0; d < MAX_DAYS; d++, day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    ZonedDateTime at = ZonedDateTime.ofLocal(LocalDateTime.of(day, LocalTime.of(h, m)), zone, null);
                    // a local time in a DST gap comes out moved past the gap; one that exists twice, at its first
                    if (at.isAfter(local)) {
                        return Optional.of(at.truncatedTo(ChronoUnit.MINUTES));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = days.get(day.getDayOfMonth());
        boolean dow = weekdays.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (anyDay && anyWeekday) {
            return true;
        }
        if (anyDay) {
            return dow;
        }
        if (anyWeekday) {
            return dom;
        }
        return dom || dow;
    }

    /**
     * The shortest gap between two firings, looked for over a year of firings from {@code from}:
     * enough to refuse "every minute" and "0-59/2 * * * *" alike.
     */
    public Duration shortestInterval(ZonedDateTime from, ZoneId zone) {
        Duration shortest = Duration.ofDays(MAX_DAYS);
        Optional<ZonedDateTime> previous = next(from, zone);
        for (int i = 0; i < 2_000 && previous.isPresent(); i++) {
            Optional<ZonedDateTime> following = next(previous.get(), zone);
            if (following.isEmpty()) {
                break;
            }
            Duration gap = Duration.between(previous.get(), following.get());
            if (gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            previous = following;
        }
        return shortest;
    }

    @Override
    public String toString() {
        return expression;
    }
}
