package vn.canhgac.advisory.botnet;

import static vn.canhgac.commons.sql.SqlParams.bind;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;

/** Reads botnet lists: one, all (newest first), a list's entries, and its difference from the previous list. */
@ApplicationScoped
public class BotnetListService {

    /** What changed from the previous list of the same issuer. */
    public record Diff(UUID listId, UUID previousId, String previousReference, long added, long removed, long kept) {}

    /** An entry of a list, and whether the previous list had it. */
    public record Entry(String network, String label) {}

    public enum Change {
        ADDED,
        REMOVED,
        KEPT
    }

    private final Pool pool;
    private final BotnetListStore store;

    public BotnetListService(Pool pool, BotnetListStore store) {
        this.pool = pool;
        this.store = store;
    }

    public Uni<BotnetListDetails> get(UUID id) {
        return store.find(pool, id).onItem().ifNull().failWith(() -> DomainProblem.notFound("botnet-list", id));
    }

    public Uni<Page<BotnetListDetails>> list(String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        Tuple params = Tuple.tuple();
        String where = "reference not like 'pending:%'";
        if (cursor != null) {
            where += " and (issued_on, id) < ($1, $2)";
            params.addLocalDate(cursor.date(0)).addUUID(cursor.uuid(1));
        }
        return pool.preparedQuery("select " + BotnetListStore.COLUMNS + " from botnet_list where " + where
                        + " order by issued_on desc, id desc limit " + (limit + 1))
                .execute(params)
                .map(rows -> {
                    List<BotnetListDetails> lists = new ArrayList<>();
                    rows.forEach(row -> lists.add(BotnetListStore.details(row)));
                    return Page.of(
                            lists, limit, l -> Cursor.encode(l.issuedOn().toString(), l.id().toString()), l -> l);
                });
    }

    public Uni<Diff> diff(UUID id) {
        return get(id).flatMap(list -> {
            if (list.previousId() == null) {
                return Uni.createFrom().item(new Diff(id, null, null, list.entryCount(), 0, 0));
            }
            return get(list.previousId())
                    .flatMap(previous -> pool.preparedQuery(BotnetListStore.DIFF)
                            .execute(Tuple.of(id, previous.id()))
                            .map(rows -> rows.iterator().next())
                            .map(row -> new Diff(
                                    id,
                                    previous.id(),
                                    previous.reference(),
                                    row.getLong("added"),
                                    row.getLong("removed"),
                                    row.getLong("kept"))));
        });
    }

    /** Entries by network; with a change, only those added since, removed since, or kept from the previous list. */
    public Uni<Page<Entry>> entries(UUID id, Change change, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 1);
        String from = cursor == null
                ? null
                : IpNetworks.network(cursor.text(0))
                        .orElseThrow(() -> DomainProblem.invalidField("after", "bad-cursor"));
        return get(id).flatMap(list -> {
            Tuple params = Tuple.tuple();
            String listId = bind(params, change == Change.REMOVED ? list.previousId() : id);
            String where = "e.list_id = " + listId;
            if (change != null && list.previousId() != null) {
                String other = bind(params, change == Change.REMOVED ? id : list.previousId());
                where += (change == Change.KEPT ? " and exists" : " and not exists")
                        + " (select 1 from botnet_entry o where o.list_id = " + other + " and o.network = e.network)";
            }
            if (from != null) {
                where += " and e.network > " + bind(params, from) + "::text::cidr";
            }
            if (change == Change.REMOVED && list.previousId() == null) {
                return Uni.createFrom().item(new Page<Entry>(List.of(), null));
            }
            String sql = "select e.network::text as network, e.label from botnet_entry e where " + where
                    + " order by e.network limit " + (limit + 1);
            return pool.preparedQuery(sql).execute(params).map(rows -> {
                List<Entry> found = new ArrayList<>();
                rows.forEach(row -> found.add(new Entry(row.getString("network"), row.getString("label"))));
                return Page.of(found, limit, e -> Cursor.encode(e.network()), e -> e);
            });
        });
    }
}
