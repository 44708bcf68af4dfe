package vn.canhgac.advisory.exposure;

import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.time.Dates;

/** The filters of the exposure list as callers send them, for a page of JSON and a CSV export alike. */
public class ExposureQuery {

    @QueryParam("organization")
    String organization;

    @QueryParam("parent")
    String parent;

    @QueryParam("status")
    String status;

    @QueryParam("sourceKind")
    String sourceKind;

    @QueryParam("advisoryId")
    UUID advisoryId;

    @QueryParam("botnetListId")
    UUID botnetListId;

    @QueryParam("assetId")
    UUID assetId;

    @QueryParam("severity")
    String severity;

    @QueryParam("overdue")
    boolean overdue;

    @QueryParam("dueBefore")
    String dueBefore;

    @QueryParam("q")
    String query;

    /** The filter, checked: a bad status, source, severity or day is a 400 naming its parameter. */
    ExposureFilter filter() {
        return new ExposureFilter(
                organization,
                parent == null || parent.isBlank() ? null : parent.strip(),
                statuses(status),
                upper("sourceKind", sourceKind, List.of("ADVISORY", "BOTNET")),
                advisoryId,
                botnetListId,
                assetId,
                upper("severity", severity, List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")),
                overdue,
                Dates.parameter("dueBefore", dueBefore),
                query);
    }

    private static List<ExposureStatus> statuses(String text) {
        List<ExposureStatus> statuses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String name : text.split(",")) {
            try {
                statuses.add(ExposureStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainProblem.invalidField(
                        "status",
                        "bad-choice",
                        name.strip(),
                        String.join(
                                ", ",
                                Arrays.stream(ExposureStatus.values())
                                        .map(Enum::name)
                                        .toList()));
            }
        }
        return statuses;
    }

    private static String upper(String field, String text, List<String> allowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw DomainProblem.invalidField(field, "bad-choice", text, String.join(", ", allowed));
        }
        return value;
    }
}
