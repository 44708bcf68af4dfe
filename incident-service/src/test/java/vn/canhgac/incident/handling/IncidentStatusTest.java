package vn.canhgac.incident.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pair of statuses: only the next step, rejection and duplicate are allowed, and nothing after the end. */
class IncidentStatusTest {

    private static final List<IncidentStatus> PATH = List.of(
            IncidentStatus.REPORTED,
            IncidentStatus.TRIAGED,
            IncidentStatus.CONTAINED,
            IncidentStatus.ERADICATED,
            IncidentStatus.RECOVERED,
            IncidentStatus.CLOSED);

    @ParameterizedTest
    @EnumSource(IncidentStatus.class)
    void onlyTheNextStepRejectionOrDuplicateAreAllowed(IncidentStatus from) {
        EnumSet<IncidentStatus> expected = EnumSet.noneOf(IncidentStatus.class);
        int at = PATH.indexOf(from);
        if (at >= 0 && at < PATH.size() - 1) {
            expected.add(PATH.get(at + 1));
            expected.add(IncidentStatus.REJECTED);
            expected.add(IncidentStatus.DUPLICATE);
        }
        for (IncidentStatus to : IncidentStatus.values()) {
            assertEquals(expected.contains(to), from.next().contains(to), from + " → " + to);
        }
        assertEquals(!expected.isEmpty(), from.isOpen());
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"CLOSED", "REJECTED", "DUPLICATE"})
    void theEndsAreFinal(IncidentStatus end) {
        assertTrue(end.next().isEmpty());
        assertFalse(end.isOpen());
    }
}
