package vn.canhgac.advisory.botnet;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
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
        return store.page(pool, cursor, limit)
                .map(lists ->
                        Page.of(lists, limit, l -> Cursor.encode(l.issuedOn().toString(), l.id().toString()), l -> l));
    }

    public Uni<Diff> diff(UUID id) {
        return get(id).flatMap(list -> {
            if (list.previousId() == null) {
                return Uni.createFrom().item(new Diff(id, null, null, list.entryCount(), 0, 0));
            }
            return get(list.previousId()).flatMap(previous -> store.diff(pool, id, previous));
        });
    }

    /** Entries by network; with a change, only those added since, removed since, or kept from the previous list. */
    public Uni<Page<Entry>> entries(UUID id, Change change, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 1);
        String from = cursor == null
                ? null
                : IpNetworks.network(cursor.text(0))
                        .orElseThrow(() -> DomainProblem.invalidField("after", "bad-cursor"));
        return get(id).flatMap(list -> change == Change.REMOVED && list.previousId() == null
                        ? Uni.createFrom().item(List.<Entry>of())
                        : store.entries(pool, list, change, from, limit))
                .map(found -> Page.of(found, limit, e -> Cursor.encode(e.network()), e -> e));
    }
}
