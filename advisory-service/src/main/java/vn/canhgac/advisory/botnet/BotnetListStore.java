package vn.canhgac.advisory.botnet;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.advisory.withdrawal.Withdrawn;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sql.Conditions;

/** The botnet list tables, in SQL, on the connection the caller holds the transaction of. */
@ApplicationScoped
public class BotnetListStore {

    static final String COLUMNS = """
            id, reference, issuer, issued_on, kind, format, entry_count, previous_id, due_on, created_at, created_by, """ + Withdrawn.COLUMNS;
    private static final String INSERT = """
            insert into botnet_list (id, reference, issuer, issued_on, kind, format, content_hash, entry_count, due_on,
                created_at, created_by)
            values ($1, $8, $2, $3, $4, $5, $8, 0, $6, now(), $7)""";
    /**
     * Entries are staged in a temporary table without indexes (as fast as the client can send them), then moved
     * in one sorted statement, duplicates dropped: a conflict check per row would cost more than the whole move.
     * Each entry's columns are worked out as it is staged, while the service reads the next batch, not in the move,
     * which nothing overlaps (about half a second for a million entries).
     */
    private static final String CREATE_STAGING =
            "create temp table botnet_staging (network cidr, host boolean, bucket cidr, label text) on commit drop";

    private static final String IMPORT_WORK_MEM = "set local work_mem = '256MB'";

    /** Host entries are /32 or /128; the bucket is the /16 (IPv4) or /32 (IPv6) that holds the entry. */
    private static final String STAGE_ENTRIES = """
            insert into botnet_staging (network, host, bucket, label)
            select n, masklen(n) = case family(n) when 4 then 32 else 128 end,
                   case when family(n) = 4 then (case when masklen(n) >= 16 then set_masklen(n, 16) else n end)
                        else (case when masklen(n) >= 32 then set_masklen(n, 32) else n end) end,
                   l
            from unnest($1::text[]::cidr[], $2::text[]) as u(n, l)""";

    private static final String MOVE_ENTRIES = """
            insert into botnet_entry (list_id, network, host, bucket, label)
            select distinct on (network) $1, network, host, bucket, label from botnet_staging
            order by network, label nulls last""";
    /** Order-independent: the same entries in another order, or repeated, are the same list. */
    private static final String CONTENT_HASH = """
            select count(*) || ':' || coalesce(sum(hashtextextended(network::text, 0)), 0) as hash, count(*) as entries
            from botnet_entry where list_id = $1""";
    /** A list is its issuer's reference: the same reference with the same entries is the same publication. */
    private static final String SAME_CONTENT = """
            select id from botnet_list where content_hash = $1 and id <> $2 and reference = $3""";

    private static final String SAME_REFERENCE = "select id from botnet_list where reference = $1 and id <> $2";
    /** The list {@code l} is compared with: its issuer's latest active list issued on or before it. */
    private static final String PREVIOUS = """
            (select p.id from botnet_list p where p.issuer = l.issuer and p.id <> l.id and p.issued_on <= l.issued_on
                 and p.reference not like 'pending:%' and p.withdrawn_at is null
             order by p.issued_on desc, p.created_at desc limit 1)""";

    private static final String FINISH = """
            update botnet_list l set reference = $2, content_hash = $3, entry_count = $4, previous_id = %s
            where id = $1""".formatted(PREVIOUS);

    private static final String COMPARE_ELSEWHERE =
            "update botnet_list l set previous_id = %s where l.previous_id = $1".formatted(PREVIOUS);
    private static final String DIFF = """
            select count(*) filter (where b.network is null) as added,
                   count(*) filter (where a.network is null) as removed,
                   count(*) filter (where a.network is not null and b.network is not null) as kept
            from (select network from botnet_entry where list_id = $1) as a
            full join (select network from botnet_entry where list_id = $2) as b on a.network = b.network""";

    Uni<Void> insert(SqlClient connection, UUID id, BotnetListInput input, BotnetFormat format, String createdBy) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(input.issuer())
                        .addLocalDate(input.issuedOn())
                        .addString(input.kind().name())
                        .addString(format.name())
                        .addLocalDate(input.dueOn())
                        .addString(createdBy)
                        .addString("pending:" + id))
                .replaceWithVoid();
    }

    /**
     * Creates the staging table, and gives the import's transaction the memory to sort and hash a million entries
     * in memory: with the default 4 MB, moving them sorted on disk and the matching's joins in 16 batches; with
     * 64 MB, both sorts of a million entries still went to disk (24 and 44 MB). The setting lasts as long as the
     * import's transaction, and lists come a few times a day.
     */
    Uni<Void> createStaging(SqlClient connection) {
        return connection
                .query(IMPORT_WORK_MEM)
                .execute()
                .flatMap(set -> connection.query(CREATE_STAGING).execute())
                .replaceWithVoid();
    }

    Uni<Void> stageEntries(SqlClient connection, List<String> networks, List<String> labels) {
        return connection
                .preparedQuery(STAGE_ENTRIES)
                .execute(Tuple.of(networks.toArray(String[]::new), labels.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Moves the staged entries, then refreshes the planner's statistics: without them it believes the new list
     * has one entry and probes an index a million times instead of one hash join (11 s instead of 1 s measured).
     */
    Uni<Void> moveEntries(SqlClient connection, UUID id) {
        return connection
                .preparedQuery(MOVE_ENTRIES)
                .execute(Tuple.of(id))
                .flatMap(moved -> connection.query("analyze botnet_entry").execute())
                .replaceWithVoid();
    }

    /** The content hash and the number of distinct entries of a list being imported. */
    Uni<Row> contentOf(SqlClient connection, UUID id) {
        return connection
                .preparedQuery(CONTENT_HASH)
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().next());
    }

    Uni<UUID> withContent(SqlClient connection, String hash, UUID except, String reference) {
        return connection
                .preparedQuery(SAME_CONTENT)
                .execute(Tuple.of(hash, except, reference))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    Uni<UUID> withReference(SqlClient connection, String reference, UUID except) {
        return firstId(connection, SAME_REFERENCE, reference, except);
    }

    Uni<Void> finish(SqlClient connection, UUID id, BotnetListInput input, String hash, long entries) {
        return connection
                .preparedQuery(FINISH)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(input.reference())
                        .addString(hash)
                        .addInteger((int) entries))
                .replaceWithVoid();
    }

    /** The lists compared with a list now withdrawn are compared with the latest active one before them instead. */
    public Uni<Void> compareElsewhereThan(SqlClient connection, UUID withdrawn) {
        return connection
                .preparedQuery(COMPARE_ELSEWHERE)
                .execute(Tuple.of(withdrawn))
                .replaceWithVoid();
    }

    Uni<BotnetListDetails> find(SqlClient connection, UUID id) {
        return connection
                .preparedQuery(
                        "select " + COLUMNS + " from botnet_list where id = $1 and reference not like 'pending:%'")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : details(rows.iterator().next()));
    }

    static BotnetListDetails details(Row row) {
        return new BotnetListDetails(
                row.getUUID("id"),
                row.getString("reference"),
                row.getString("issuer"),
                row.getLocalDate("issued_on"),
                BotnetListKind.valueOf(row.getString("kind")),
                BotnetFormat.valueOf(row.getString("format")),
                row.getInteger("entry_count"),
                row.getUUID("previous_id"),
                row.getLocalDate("due_on"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getString("created_by"),
                Withdrawn.of(row),
                null,
                null);
    }

    private static Uni<UUID> firstId(SqlClient connection, String sql, String value, UUID except) {
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(value, except))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** A page of published lists (not those still being imported), newest first. */
    public Uni<List<BotnetListDetails>> page(SqlClient client, Cursor.Parts after, int limit) {
        Conditions where = Conditions.on(Tuple.tuple(), "reference not like 'pending:%'");
        if (after != null) {
            where.and("(issued_on, id) < (?, ?)", after.date(0), after.uuid(1));
        }
        String sql = "select " + COLUMNS + " from botnet_list" + where.clause()
                + " order by issued_on desc, id desc limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<BotnetListDetails> lists = new ArrayList<>();
            rows.forEach(row -> lists.add(details(row)));
            return lists;
        });
    }

    public Uni<BotnetListService.Diff> diff(SqlClient client, UUID id, BotnetListDetails previous) {
        return client.preparedQuery(DIFF)
                .execute(Tuple.of(id, previous.id()))
                .map(rows -> rows.iterator().next())
                .map(row -> new BotnetListService.Diff(
                        id,
                        previous.id(),
                        previous.reference(),
                        row.getLong("added"),
                        row.getLong("removed"),
                        row.getLong("kept")));
    }

    /**
     * A page of a list's entries by network after {@code from}; with a change, only those added since, removed
     * since (read from the previous list), or kept from the previous list.
     */
    public Uni<List<BotnetListService.Entry>> entries(
            SqlClient client, BotnetListDetails list, BotnetListService.Change change, String from, int limit) {
        boolean removed = change == BotnetListService.Change.REMOVED;
        Conditions where = Conditions.on(Tuple.tuple()).and("e.list_id = ?", removed ? list.previousId() : list.id());
        if (change != null && list.previousId() != null) {
            where.and(
                    (change == BotnetListService.Change.KEPT ? "exists" : "not exists")
                            + " (select 1 from botnet_entry o where o.list_id = ? and o.network = e.network)",
                    removed ? list.id() : list.previousId());
        }
        where.whenPresent(from, "e.network > ?::text::cidr");
        String sql = "select e.network::text as network, e.label from botnet_entry e" + where.clause()
                + " order by e.network limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<BotnetListService.Entry> found = new ArrayList<>();
            rows.forEach(
                    row -> found.add(new BotnetListService.Entry(row.getString("network"), row.getString("label"))));
            return found;
        });
    }
}
