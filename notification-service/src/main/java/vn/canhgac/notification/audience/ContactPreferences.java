package vn.canhgac.notification.audience;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScopes;

/** An organisation's contacts and what each of them receives, read and chosen within the caller's scope. */
@ApplicationScoped
public class ContactPreferences {

    private static final String CONTACTS = """
            select c.organization_code, c.email, c.name, c.roles, p.channels, p.min_severity, p.digest_minutes,
                   p.language, p.quiet_from, p.quiet_to, coalesce(p.version, 0) as version
              from contact c
              left join contact_preference p on p.organization_code = c.organization_code and p.email = c.email
             where c.organization_code = $1 and ($2::text is null or c.email = $2)
             order by c.email""";
    private static final String SAVE = """
            insert into contact_preference (organization_code, email, channels, min_severity, digest_minutes, language,
                                            quiet_from, quiet_to, version, updated_at, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 1, now(), $9)
            on conflict (organization_code, email) do update set channels = excluded.channels,
                min_severity = excluded.min_severity, digest_minutes = excluded.digest_minutes,
                language = excluded.language, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                version = contact_preference.version + 1, updated_at = now(), updated_by = excluded.updated_by
            where contact_preference.version = $10
            returning version""";

    private final Pool pool;
    private final TenantScopes scopes;

    public ContactPreferences(Pool pool, TenantScopes scopes) {
        this.pool = pool;
        this.scopes = scopes;
    }

    public Uni<List<ContactView>> contacts(Caller caller, String organization) {
        return inScope(caller, organization).flatMap(code -> read(code, null));
    }

    public Uni<ContactView> choose(
            Caller caller, String organization, String email, String ifMatch, ContactPreference preference) {
        String address = email.toLowerCase(Locale.ROOT);
        return inScope(caller, organization)
                .flatMap(code -> one(code, address)
                        .invoke(current -> IfMatch.require(ifMatch, current.version()))
                        .flatMap(current -> pool.preparedQuery(SAVE)
                                .execute(Tuple.tuple()
                                        .addString(code)
                                        .addString(address)
                                        .addArrayOfString(preference.channels().stream()
                                                .map(Enum::name)
                                                .toArray(String[]::new))
                                        .addString(preference.minSeverity())
                                        .addInteger(preference.digestMinutes())
                                        .addString(preference.language())
                                        .addLocalTime(preference.quietFrom())
                                        .addLocalTime(preference.quietTo())
                                        .addString(caller.displayName())
                                        .addLong(current.version()))
                                .invoke(rows -> {
                                    if (rows.size() == 0) {
                                        // changed by someone else between the check and the write
                                        throw DomainProblem.preconditionFailed();
                                    }
                                }))
                        .flatMap(ignored -> one(code, address)));
    }

    private Uni<ContactView> one(String code, String email) {
        return read(code, email).map(found -> {
            if (found.isEmpty()) {
                throw DomainProblem.notFound("contact", code + "/" + email);
            }
            return found.getFirst();
        });
    }

    private Uni<List<ContactView>> read(String code, String email) {
        return pool.preparedQuery(CONTACTS).execute(Tuple.of(code, email)).map(rows -> {
            List<ContactView> contacts = new ArrayList<>();
            rows.forEach(row -> contacts.add(view(row)));
            return contacts;
        });
    }

    private Uni<String> inScope(Caller caller, String organization) {
        String code = organization == null || organization.isBlank() ? caller.orgCode() : organization;
        return scopes.of(caller)
                .flatMap(scope -> scopes.pathInScope(
                        scope, code, () -> DomainProblem.notFound("organization", code == null ? "" : code)))
                .replaceWith(code);
    }

    private static ContactView view(Row row) {
        String[] roles = row.getArrayOfStrings("roles");
        String[] channels = row.getArrayOfStrings("channels");
        ContactPreference preference = channels == null
                ? ContactPreference.DEFAULT
                : new ContactPreference(
                        Arrays.stream(channels)
                                .map(ContactPreference.Channel::valueOf)
                                .toList(),
                        row.getString("min_severity"),
                        row.getInteger("digest_minutes"),
                        row.getString("language"),
                        row.getLocalTime("quiet_from"),
                        row.getLocalTime("quiet_to"));
        return new ContactView(
                row.getString("organization_code"),
                row.getString("email"),
                row.getString("name"),
                roles == null ? List.of() : List.of(roles),
                preference,
                channels == null,
                row.getLong("version"));
    }
}
