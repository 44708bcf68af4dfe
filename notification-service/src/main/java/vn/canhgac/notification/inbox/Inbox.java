package vn.canhgac.notification.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.NoticeWords;

/**
 * The console's list of notifications: every person sees those of its own organisation, newest first, and marks
 * them read for itself (read state is per person, the token's subject).
 */
@ApplicationScoped
public class Inbox {

    private static final String PAGE = """
            select n.id, n.kind, n.severity, n.facts::text as facts, n.created_at, r.read_at,
                   coalesce(case when $6 = 'en' then o.name_en end, o.name_vi, n.organization_code) as org_name
              from notification n
              left join notification_read r on r.notification_id = n.id and r.subject = $2
              left join organization_replica o on o.code = n.organization_code
             where n.organization_code = $1 and n.id < $3 and ($4 = false or r.read_at is null)
             order by n.id desc limit $5""";
    private static final String UNREAD = """
            select count(*) from notification n
             where n.organization_code = $1
               and not exists (select 1 from notification_read r where r.notification_id = n.id and r.subject = $2)""";
    private static final String READ = """
            insert into notification_read (subject, notification_id)
            select $2, n.id from notification n where n.id = $3 and n.organization_code = $1
            on conflict do nothing returning notification_id""";
    private static final String EXISTS = "select 1 from notification where id = $2 and organization_code = $1";
    private static final String READ_ALL = """
            insert into notification_read (subject, notification_id)
            select $2, n.id from notification n where n.organization_code = $1
            on conflict do nothing""";

    private static final UUID LAST = new UUID(-1L, -1L);

    private final Pool pool;
    private final ObjectMapper json;

    public Inbox(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A page of the caller's notifications, each with its title in {@code language} (vi or en). */
    public Uni<Page<InboxItem>> page(Caller caller, boolean unreadOnly, String after, int limit, String language) {
        Cursor.Parts cursor = Cursor.decode(after, 1);
        UUID before = cursor == null ? LAST : cursor.uuid(0);
        NoticeWords words = NoticeWords.in(language);
        return pool.preparedQuery(PAGE)
                .execute(Tuple.tuple()
                        .addString(organization(caller))
                        .addString(caller.subject())
                        .addUUID(before)
                        .addBoolean(unreadOnly)
                        .addInteger(limit + 1)
                        .addString(language))
                .map(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return Page.of(
                            found, limit, row -> Cursor.encode(row.getUUID("id").toString()), row -> item(row, words));
                });
    }

    public Uni<Long> unread(Caller caller) {
        return pool.preparedQuery(UNREAD)
                .execute(Tuple.of(organization(caller), caller.subject()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> markRead(Caller caller, UUID id) {
        return pool.preparedQuery(EXISTS)
                .execute(Tuple.of(organization(caller), id))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw DomainProblem.notFound("notification", id);
                    }
                })
                .flatMap(ignored ->
                        pool.preparedQuery(READ).execute(Tuple.of(organization(caller), caller.subject(), id)))
                .replaceWithVoid();
    }

    public Uni<Void> markAllRead(Caller caller) {
        return pool.preparedQuery(READ_ALL)
                .execute(Tuple.of(organization(caller), caller.subject()))
                .replaceWithVoid();
    }

    private InboxItem item(Row row, NoticeWords words) {
        NoticeFacts facts;
        try {
            facts = json.readValue(row.getString("facts"), NoticeFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored facts cannot be read", e);
        }
        NoticeKind kind = NoticeKind.valueOf(row.getString("kind"));
        return new InboxItem(
                row.getUUID("id"),
                kind.name(),
                words.title(kind, NoticeWords.values(facts, Math.max(1, facts.count()), row.getString("org_name"))),
                row.getString("severity"),
                facts,
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("read_at") != null);
    }

    /** A caller without an organisation (a national feed) has an empty inbox. */
    private static String organization(Caller caller) {
        return caller.orgCode() == null ? "" : caller.orgCode();
    }
}
