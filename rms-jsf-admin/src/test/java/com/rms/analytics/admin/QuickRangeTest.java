package com.rms.analytics.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rms.analytics.admin.QuickRange.Days;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuickRangeTest {

    private static final LocalDate MARCH_1_LEAP = LocalDate.of(2024, 3, 1);
    private static final LocalDate MID_JANUARY = LocalDate.of(2025, 1, 15);

    @Test
    void todayAndYesterdayAreOneDay() {
        assertEquals(new Days(MID_JANUARY, MID_JANUARY), QuickRange.TODAY.days(MID_JANUARY));
        assertEquals(new Days(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)), QuickRange.YESTERDAY.days(MARCH_1_LEAP));
    }

    @Test
    void theLastSevenDaysEndToday() {
        assertEquals(new Days(LocalDate.of(2025, 1, 9), MID_JANUARY), QuickRange.LAST_7_DAYS.days(MID_JANUARY));
        assertEquals(new Days(LocalDate.of(2024, 2, 24), MARCH_1_LEAP), QuickRange.LAST_7_DAYS.days(MARCH_1_LEAP));
    }

    @Test
    void thisMonthIsSoFar() {
        assertEquals(new Days(LocalDate.of(2025, 1, 1), MID_JANUARY), QuickRange.THIS_MONTH.days(MID_JANUARY));
        assertEquals(new Days(MARCH_1_LEAP, MARCH_1_LEAP), QuickRange.THIS_MONTH.days(MARCH_1_LEAP));
    }

    @Test
    void lastMonthIsWholeAcrossYearsAndLeapDays() {
        assertEquals(new Days(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)), QuickRange.LAST_MONTH.days(MID_JANUARY));
        assertEquals(new Days(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), QuickRange.LAST_MONTH.days(MARCH_1_LEAP));
        assertEquals(new Days(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)),
                QuickRange.LAST_MONTH.days(LocalDate.of(2025, 3, 31)));
    }
}
