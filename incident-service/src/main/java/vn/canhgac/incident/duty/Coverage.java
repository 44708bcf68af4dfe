package vn.canhgac.incident.duty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The gaps in 24/7 coverage of a period by shifts: every interval of it that no shift covers. */
final class Coverage {

    /** A shift's or a gap's bounds, start included, end excluded. */
    record Interval(Instant from, Instant to) {}

    private Coverage() {}

    static List<Interval> gaps(Instant from, Instant to, List<Interval> shifts) {
        List<Interval> gaps = new ArrayList<>();
        Instant covered = from;
        for (Interval shift :
                shifts.stream().sorted(Comparator.comparing(Interval::from)).toList()) {
            if (!shift.to().isAfter(covered)) {
                continue;
            }
            if (shift.from().isAfter(covered)) {
                Instant gapEnd = shift.from().isBefore(to) ? shift.from() : to;
                if (gapEnd.isAfter(covered)) {
                    gaps.add(new Interval(covered, gapEnd));
                }
            }
            if (shift.to().isAfter(covered)) {
                covered = shift.to();
            }
            if (!covered.isBefore(to)) {
                return gaps;
            }
        }
        if (covered.isBefore(to)) {
            gaps.add(new Interval(covered, to));
        }
        return gaps;
    }
}
