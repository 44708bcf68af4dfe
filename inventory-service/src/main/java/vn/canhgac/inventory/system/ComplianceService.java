package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.inventory.organization.Organization;

/**
 * Compliance with the measures each system's level requires, per system, per organisation and rolled up the
 * tree. Counted in the database (one grouped query), whatever the number of systems. Retired systems do not count.
 */
@ApplicationScoped
public class ComplianceService {

    /** Per organisation path: systems, required measures and how they stand. */
    private static final String BY_PATH = """
            select s.org_path, count(distinct s.id), count(m.code),
                   count(*) filter (where sm.status = 'IMPLEMENTED'),
                   count(*) filter (where sm.status = 'PARTIAL'),
                   count(m.code) filter (where sm.status is null or sm.status = 'MISSING'),
                   count(*) filter (where sm.status = 'NOT_APPLICABLE')
            from information_system s
            left join protection_measure m on m.min_level <= s.security_level
            left join system_measure sm on sm.system_id = s.id and sm.measure_code = m.code
            where s.org_path like :path and s.status <> 'RETIRED' and (:system = '' or cast(s.id as text) = :system)
            group by s.org_path""";

    private record PathCompliance(String path, Compliance compliance) {}

    private final TenantScopes scopes;
    private final SystemService systems;

    public ComplianceService(TenantScopes scopes, SystemService systems) {
        this.scopes = scopes;
        this.systems = systems;
    }

    @WithSession
    public Uni<Compliance> ofSystem(Caller caller, UUID id) {
        return systems.inScope(caller, id)
                .flatMap(system -> byPath(system.orgPath, system.id.toString()))
                .map(rows -> rows.stream().map(PathCompliance::compliance).reduce(Compliance.NONE, Compliance::plus));
    }

    @WithSession
    public Uni<OrganizationCompliance> ofOrganization(Caller caller, String code) {
        return scopes.of(caller)
                .flatMap(scope -> Organization.findByCode(code).map(org -> {
                    if (org == null || !scope.covers(org.path)) {
                        throw DomainProblem.notFound("organization", code);
                    }
                    return org;
                }))
                .flatMap(org -> byPath(org.path + "%", "")
                        .flatMap(rows -> Organization.<Organization>list("parentId = ?1 order by code", org.id)
                                .map(children -> new OrganizationCompliance(
                                        org.code,
                                        sum(rows, path -> path.equals(org.path)),
                                        sum(rows, path -> true),
                                        children.stream()
                                                .map(child -> new OrganizationCompliance.Child(
                                                        child.code,
                                                        child.nameVi,
                                                        sum(rows, path -> path.startsWith(child.path))))
                                                .toList()))));
    }

    private static Compliance sum(List<PathCompliance> rows, Predicate<String> paths) {
        return rows.stream()
                .filter(row -> paths.test(row.path()))
                .map(PathCompliance::compliance)
                .reduce(Compliance.NONE, Compliance::plus);
    }

    private static Uni<List<PathCompliance>> byPath(String pathPattern, String systemId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(BY_PATH, Object[].class)
                        .setParameter("path", pathPattern)
                        .setParameter("system", systemId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new PathCompliance(
                                (String) row[0],
                                Compliance.of(
                                        number(row[1]),
                                        number(row[2]),
                                        number(row[3]),
                                        number(row[4]),
                                        number(row[5]),
                                        number(row[6]))))
                        .toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
