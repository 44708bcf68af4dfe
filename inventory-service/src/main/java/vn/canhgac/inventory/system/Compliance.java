package vn.canhgac.inventory.system;

/**
 * How far systems meet the measures their levels require. {@code score} is the share, in percent, of the
 * applicable required measures that are implemented (a partial one counts half); 100 when nothing applies.
 */
public record Compliance(
        long systems, long required, long implemented, long partial, long missing, long notApplicable, double score) {

    public static final Compliance NONE = of(0, 0, 0, 0, 0, 0);

    static Compliance of(
            long systems, long required, long implemented, long partial, long missing, long notApplicable) {
        long applicable = required - notApplicable;
        double score = applicable <= 0 ? 100.0 : Math.round((implemented + partial / 2.0) * 1000.0 / applicable) / 10.0;
        return new Compliance(systems, required, implemented, partial, missing, notApplicable, score);
    }

    Compliance plus(Compliance other) {
        return of(
                systems + other.systems,
                required + other.required,
                implemented + other.implemented,
                partial + other.partial,
                missing + other.missing,
                notApplicable + other.notApplicable);
    }
}
