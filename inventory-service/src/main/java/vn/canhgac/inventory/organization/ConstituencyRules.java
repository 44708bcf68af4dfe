package vn.canhgac.inventory.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.problem.DomainProblem;

/** Puts a constituency in canonical form (host bits cleared, no duplicates, sorted) or says which entry is wrong. */
final class ConstituencyRules {

    private ConstituencyRules() {}

    static Constituency canonical(Constituency requested) {
        List<DomainProblem.Violation> violations = new ArrayList<>();
        TreeSet<String> networks = new TreeSet<>();
        for (int i = 0; i < requested.networks().size(); i++) {
            String text = requested.networks().get(i);
            int index = i;
            IpNetworks.network(text)
                    .ifPresentOrElse(
                            networks::add,
                            () -> violations.add(new DomainProblem.Violation(
                                    "constituency.networks[" + index + "]", "bad-network", text)));
        }
        if (!violations.isEmpty()) {
            throw DomainProblem.invalid(violations);
        }
        return new Constituency(List.copyOf(networks), List.copyOf(new TreeSet<>(requested.asns())));
    }
}
