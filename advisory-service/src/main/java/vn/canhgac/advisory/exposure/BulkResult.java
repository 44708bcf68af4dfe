package vn.canhgac.advisory.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a bulk change did: the exposures moved, and those it left with the reason (not-found, illegal-transition). */
public record BulkResult(List<UUID> changed, List<Refused> refused) {

    static final BulkResult EMPTY = new BulkResult(List.of(), List.of());

    public record Refused(UUID id, String reason) {}

    BulkResult changed(UUID id) {
        List<UUID> all = new ArrayList<>(changed);
        all.add(id);
        return new BulkResult(all, refused);
    }

    BulkResult refused(UUID id, String reason) {
        List<Refused> all = new ArrayList<>(refused);
        all.add(new Refused(id, reason));
        return new BulkResult(changed, all);
    }
}
