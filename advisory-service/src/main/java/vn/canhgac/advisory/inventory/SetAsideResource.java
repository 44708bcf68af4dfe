package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

/**
 * What the matching jobs set aside because the database refused it for good (a value it rejects): assets asked to be
 * matched again, organisations whose constituency changed. Until now an operator had a gauge, an error in the log
 * and the rows; this lists them with their failure, and puts them back once the cause is fixed. The asset's or the
 * organisation's next event also puts its work back, as before.
 */
@Path("/api/v1/exposures/set-aside")
@Tag(name = "Exposures")
@RolesAllowed(Roles.AUTHORITY)
public class SetAsideResource {

    static final String AUDIT_TYPE = "matching-set-aside";

    /** The most of each kind listed; {@code assetCount} and {@code organizationCount} say how many there are. */
    static final int LISTED = 500;

    private static final String ASSETS = """
            select r.asset_id, a.hostname, a.organization_code, max(r.failed_at) as failed_at,
                   (array_agg(r.failure order by r.failed_at desc))[1] as failure, count(*) over () as total
            from asset_rematch r left join asset_replica a on a.id = r.asset_id
            where r.failed_at is not null
            group by r.asset_id, a.hostname, a.organization_code
            order by max(r.failed_at) desc, r.asset_id limit $1""";

    private static final String ORGANIZATIONS = """
            select organization_code, failed_at, failure, count(*) over () as total from constituency_change
            where failed_at is not null order by failed_at desc, organization_code limit $1""";

    private static final String PUT_BACK = """
            with assets as (update asset_rematch set failed_at = null, failure = null where failed_at is not null
                            returning asset_id),
                 organizations as (update constituency_change set failed_at = null, failure = null
                                   where failed_at is not null returning organization_code)
            select (select count(distinct asset_id) from assets) as assets,
                   (select count(*) from organizations) as organizations""";

    public record SetAsideAsset(UUID assetId, String hostname, String organization, Instant failedAt, String failure) {}

    public record SetAsideOrganization(String organization, Instant failedAt, String failure) {}

    public record SetAside(
            long assetCount,
            List<SetAsideAsset> assets,
            long organizationCount,
            List<SetAsideOrganization> organizations) {}

    public record PutBack(long assets, long organizations) {}

    private final Pool pool;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    public SetAsideResource(Pool pool, AuditTrail audit, CurrentCaller caller) {
        this.pool = pool;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Work the matching jobs set aside because the database refused it, newest first, with why",
            description = "Assets asked to be matched again and organisations whose constituency changed; at most "
                    + LISTED + " of each, with their counts. Each is matched again at its next event, or after "
                    + "POST /exposures/set-aside/retry")
    public Uni<SetAside> list() {
        Uni<RowSet<Row>> assets = pool.preparedQuery(ASSETS).execute(Tuple.of(LISTED));
        Uni<RowSet<Row>> organizations = pool.preparedQuery(ORGANIZATIONS).execute(Tuple.of(LISTED));
        return Uni.combine()
                .all()
                .unis(assets, organizations)
                .with((a, o) -> new SetAside(
                        total(a),
                        rows(
                                a,
                                row -> new SetAsideAsset(
                                        row.getUUID("asset_id"),
                                        row.getString("hostname"),
                                        row.getString("organization_code"),
                                        row.getOffsetDateTime("failed_at").toInstant(),
                                        row.getString("failure"))),
                        total(o),
                        rows(
                                o,
                                row -> new SetAsideOrganization(
                                        row.getString("organization_code"),
                                        row.getOffsetDateTime("failed_at").toInstant(),
                                        row.getString("failure")))));
    }

    @POST
    @Path("/retry")
    @Operation(
            summary = "Put everything set aside back to its job, once the cause is fixed",
            description = "The jobs take it at their next run (every 2 s); what the database still refuses is set "
                    + "aside again. Answers how many assets and organisations were put back; audited")
    public Uni<PutBack> retry() {
        var who = caller.get();
        return pool.withTransaction(connection -> connection
                .preparedQuery(PUT_BACK)
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new PutBack(row.getLong("assets"), row.getLong("organizations"));
                })
                .call(back -> back.assets() + back.organizations() == 0
                        ? Uni.createFrom().voidItem()
                        : audit.record(
                                OpenTransaction.on(connection),
                                who,
                                List.of(Change.updated(AUDIT_TYPE, "retry", "/", back, new PutBack(0, 0))))));
    }

    private static long total(RowSet<Row> rows) {
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("total");
    }

    private static <T> List<T> rows(RowSet<Row> rows, Function<Row, T> item) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item.apply(row)));
        return items;
    }
}
