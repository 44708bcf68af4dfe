package vn.canhgac.incident.alertwindow;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.testing.KhanhHoaTree;

/** Announces a directive that declares an alert window, as advisory-service would on test.advisory.directives. */
public final class DirectiveFeed {

    private DirectiveFeed() {}

    public static void declare(String window, LocalDate startsOn, LocalDate endsOn) {
        UUID directive = UUID.randomUUID();
        KhanhHoaTree.producer()
                .publish(
                        DIRECTIVE_ISSUED,
                        new DirectiveEvent(
                                directive,
                                "6410/BTTTT-CATTT-" + directive,
                                "CATTT",
                                null,
                                "Tết",
                                startsOn.minusDays(14),
                                null,
                                List.of(new DirectiveEvent.AlertWindow(window, startsOn, endsOn)),
                                List.of(),
                                "Cục An toàn thông tin"));
    }
}
