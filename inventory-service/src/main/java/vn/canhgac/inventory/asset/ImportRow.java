package vn.canhgac.inventory.asset;

import java.util.List;
import vn.canhgac.commons.problem.DomainProblem.Violation;

/** A row of an import file: its number (1 is the first data row), what it says, and what could not be read. */
record ImportRow(long number, AssetInput input, List<Violation> unreadable) {}
