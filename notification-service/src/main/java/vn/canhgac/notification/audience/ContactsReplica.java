package vn.canhgac.notification.audience;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationReplicaListener;

/**
 * Keeps each organisation's contacts that have an e-mail, beside the shared organisation replica. A contact that
 * left the organisation's list is forgotten, and so are its preferences.
 */
@ApplicationScoped
public class ContactsReplica implements OrganizationReplicaListener {

    private static final String FORGET = """
            delete from contact where organization_code = $1 and not (email = any($2))""";
    private static final String FORGET_PREFERENCES = """
            delete from contact_preference where organization_code = $1 and not (email = any($2))""";
    /** Someone who left the organisation's contacts receives nothing more of it, not even what was queued. */
    private static final String FORGET_WAITING = """
            with gone as (delete from digest_entry where channel = 'EMAIL' and organization_code = $1
                           and not (address = any($2)) returning 1)
            delete from delivery where channel = 'EMAIL' and organization_code = $1 and state = 'PENDING'
               and claim is null and not (address = any($2))
               and address not in (select email from duty_shift_replica where email is not null)""";

    private static final String UPSERT = """
            insert into contact (organization_code, email, name, roles)
            select $1, u.email, u.name, u.roles::text[] from unnest($2::text[], $3::text[], $4::text[]) as u(email, name, roles)
            on conflict (organization_code, email) do update set name = excluded.name, roles = excluded.roles""";

    @Override
    public Uni<Void> applied(SqlConnection connection, OrganizationEvent event) {
        Map<String, Contact> byEmail = new LinkedHashMap<>();
        if (!event.deleted() && event.contacts() != null) {
            event.contacts().stream()
                    .filter(c -> c.email() != null && !c.email().isBlank())
                    .forEach(c -> byEmail.putIfAbsent(c.email().toLowerCase(Locale.ROOT), c));
        }
        String[] emails = byEmail.keySet().toArray(String[]::new);
        List<String> names = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        byEmail.values().forEach(c -> {
            names.add(c.name());
            roles.add("{" + String.join(",", c.roles().stream().map(Enum::name).toList()) + "}");
        });
        return connection
                .preparedQuery(FORGET)
                .execute(Tuple.of(event.code(), emails))
                .flatMap(
                        ignored -> connection.preparedQuery(FORGET_PREFERENCES).execute(Tuple.of(event.code(), emails)))
                .flatMap(ignored -> connection.preparedQuery(FORGET_WAITING).execute(Tuple.of(event.code(), emails)))
                .flatMap(ignored -> connection
                        .preparedQuery(UPSERT)
                        .execute(Tuple.of(
                                event.code(), emails, names.toArray(String[]::new), roles.toArray(String[]::new))))
                .replaceWithVoid();
    }
}
