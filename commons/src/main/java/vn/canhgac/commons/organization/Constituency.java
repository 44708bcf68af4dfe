package vn.canhgac.commons.organization;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The address space an organisation answers for: CIDR networks (IPv4 and IPv6, canonical, host bits cleared)
 * and autonomous system numbers. A botnet entry in it that is no registered asset is still that organisation's
 * to fix, the way national CERTs notify network owners.
 */
@RegisterForReflection
public record Constituency(
        @Size(max = 1000) List<@NotNull String> networks,
        @Size(max = 100) List<@NotNull @Min(1) @Max(4_294_967_295L) Long> asns) {

    public static final Constituency NONE = new Constituency(List.of(), List.of());

    public Constituency {
        networks = networks == null ? List.of() : List.copyOf(networks);
        asns = asns == null ? List.of() : List.copyOf(asns);
    }
}
