package vn.canhgac.incident.duty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.time.Vietnam;

/** Gaps in coverage, in Vietnam time, across midnight and across a month's end. */
class CoverageTest {

    private static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Vietnam.ZONE).toInstant();
    }

    private static Coverage.Interval shift(String from, String to) {
        return new Coverage.Interval(vn(from), vn(to));
    }

    @Test
    void nightShiftsAcrossMidnightAndTheMonthsEndLeaveOnlyTheRealGaps() {
        List<Coverage.Interval> shifts = List.of(
                shift("2024-01-31T20:00", "2024-02-01T08:00"), // across midnight and the month's end
                shift("2024-02-01T08:00", "2024-02-01T20:00"), // back to back: no gap
                shift("2024-02-01T19:00", "2024-02-01T21:00"), // overlapping: no gap
                shift("2024-02-02T06:00", "2024-02-02T09:00")); // past the period's end
        List<Coverage.Interval> gaps = Coverage.gaps(vn("2024-01-31T08:00"), vn("2024-02-02T08:00"), shifts);
        assertEquals(
                List.of(shift("2024-01-31T08:00", "2024-01-31T20:00"), shift("2024-02-01T21:00", "2024-02-02T06:00")),
                gaps);
    }

    @Test
    void noShiftIsOneGapAndFullCoverageIsNone() {
        assertEquals(
                List.of(shift("2024-02-08T00:00", "2024-02-15T00:00")),
                Coverage.gaps(vn("2024-02-08T00:00"), vn("2024-02-15T00:00"), List.of()));
        assertEquals(
                List.of(),
                Coverage.gaps(
                        vn("2024-02-08T00:00"),
                        vn("2024-02-09T00:00"),
                        List.of(shift("2024-02-07T23:00", "2024-02-09T01:00"))));
    }
}
