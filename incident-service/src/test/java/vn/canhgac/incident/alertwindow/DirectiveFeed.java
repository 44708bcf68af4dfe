package vn.canhgac.incident.alertwindow;

import java.time.LocalDate;
import java.util.UUID;
import vn.canhgac.commons.testing.KhanhHoaTree;

/** Announces a directive that declares an alert window, as advisory-service would on test.advisory.directives. */
public final class DirectiveFeed {

    private DirectiveFeed() {}

    public static void declare(String window, LocalDate startsOn, LocalDate endsOn) {
        UUID directive = UUID.randomUUID();
        KhanhHoaTree.producer()
                .send(
                        "test.advisory.directives",
                        directive.toString(),
                        UUID.randomUUID().toString(),
                        "canhgac.directive.issued.v1",
                        """
                        {"id":"%s","reference":"6410/BTTTT-CATTT-%s","issuerCode":"CATTT","parentId":null,
                         "subject":"Tết","issuedOn":"%s","reportDueOn":null,
                         "alertWindows":[{"name":"%s","startsOn":"%s","endsOn":"%s"}]}""".formatted(directive, directive, startsOn.minusDays(14), window, startsOn, endsOn));
    }
}
