package vn.canhgac.advisory.exposure;

/** What a matching run changed: exposures found for the first time, and resolved ones reopened on new evidence. */
public record MatchReport(int detected, int reopened) {

    public static final MatchReport NONE = new MatchReport(0, 0);

    /**
     * Exposures whose status the step changed: reopened when matching, closed when retiring or withdrawing. Changes
     * that keep the status (evidence moved, a hit handed over, a severity raised) are announced, not counted.
     */
    public int statusChanged() {
        return reopened;
    }

    public MatchReport plus(MatchReport other) {
        return new MatchReport(detected + other.detected, reopened + other.reopened);
    }
}
