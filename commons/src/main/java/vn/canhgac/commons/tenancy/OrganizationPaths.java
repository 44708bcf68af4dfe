package vn.canhgac.commons.tenancy;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where an organisation sits in the tree, as a materialised path of codes ({@code /UBND-KH/STTTT-KH/}).
 * inventory-service answers from the organisations it owns; every other service from its replica of them.
 */
public interface OrganizationPaths {

    /** The path of the organisation with this code, or {@code null} when this service does not know it. */
    Uni<String> pathOf(String code);

    /** The organisation of a path and every one above it, nearest first: {@code /A/B/C/} is C, B, A. */
    static List<String> upward(String path) {
        List<String> codes =
                new ArrayList<>(List.of(path.substring(1, path.length() - 1).split("/")));
        Collections.reverse(codes);
        return codes;
    }
}
