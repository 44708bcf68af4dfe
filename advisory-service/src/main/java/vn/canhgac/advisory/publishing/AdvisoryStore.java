package vn.canhgac.advisory.publishing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.advisory.product.ProductIdentity;
import vn.canhgac.advisory.product.ReleaseStream;
import vn.canhgac.advisory.product.VersionRange;
import vn.canhgac.advisory.withdrawal.Withdrawn;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.text.SearchText;

/** The advisory tables, in SQL, on the connection the caller holds the transaction of. */
@ApplicationScoped
public class AdvisoryStore {

    static final String COLUMNS = """
            id, reference, issuer, title, summary, issued_on, severity, cvss_score, tlp, due_on, remediation, cves,
            links, known_exploited, ransomware, source_format, status, version, revision, created_at, created_by, """ + Withdrawn.COLUMNS;
    private static final String INSERT = """
            insert into advisory (id, reference, issuer, title, summary, issued_on, severity, cvss_score, tlp, due_on,
                remediation, cves, links, known_exploited, ransomware, source_format, status, search_text, version,
                created_at, created_by, updated_at, updated_by, revision, content_digest)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'ACTIVE', $17, 0,
                    now(), $18, now(), $18, $19, $20)
            on conflict (reference) do nothing
            returning\s""" + COLUMNS;
    private static final String INSERT_AFFECTED = """
            insert into affected_product (advisory_id, position, identity, vendor, product, cpe, purl, version_exact,
                start_including, start_excluding, end_including, end_excluding, fixed_in, range_text, lower_key,
                lower_inclusive, upper_key, upper_inclusive, under_investigation, stream, version_scheme,
                not_affected_cves)
            select $1, position, identity, vendor, product, cpe, purl, version_exact, start_including, start_excluding,
                end_including, end_excluding, fixed_in, range_text, lower_key, lower_inclusive, upper_key,
                upper_inclusive, under_investigation, stream, version_scheme, nullif(string_to_array(cves, ' '), '{}')
            from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                $16::bool[], $17::text[], $18::bool[], $19::bool[], $20::text[], $21::text[], $22::text[])
                as u(position, identity, vendor, product, cpe, purl, version_exact, start_including, start_excluding,
                     end_including, end_excluding, fixed_in, range_text, lower_key, lower_inclusive, upper_key,
                     upper_inclusive, under_investigation, stream, version_scheme, cves)""";

    private static final String LOCK_BY_REFERENCE = """
            select id, revision, status, content_digest from advisory where reference = $1 for update""";
    private static final String REVISE = """
            update advisory set title = $2, summary = $3, severity = $4, cvss_score = $5, tlp = $6, remediation = $7,
                cves = $8, links = $9, search_text = $10, updated_at = now(), updated_by = $11, revision = $12,
                ransomware = $13, content_digest = $14, version = version + 1
            where id = $1""";
    private static final String NEW_REVISION_SAME_CONTENT = "update advisory set revision = $2 where id = $1";
    private static final String DELETE_AFFECTED = "delete from affected_product where advisory_id = $1";
    private static final String AFFECTED = """
            select * from affected_product where advisory_id = $1 order by position""";

    /** Inserts the advisory unless its reference exists; answers null then. */
    public Uni<AdvisoryDetails> insert(SqlClient connection, Caller caller, AdvisoryInput input, String format) {
        UUID id = TimeOrderedIds.next();
        Tuple row = Tuple.tuple()
                .addUUID(id)
                .addString(input.reference().strip())
                .addString(input.issuer().strip())
                .addString(input.title().strip())
                .addString(input.summary())
                .addLocalDate(input.issuedOn())
                .addString(input.effectiveSeverity().name())
                .addBigDecimal(input.cvssScore())
                .addString(input.tlp().name())
                .addLocalDate(input.dueOn())
                .addString(input.remediation())
                .addArrayOfString(input.cves().toArray(String[]::new))
                .addArrayOfString(input.links().toArray(String[]::new))
                .addBoolean(input.knownExploited())
                .addBoolean(input.ransomware())
                .addString(format)
                .addString(searchText(input))
                .addString(caller.displayName())
                .addString(input.revision())
                .addString(input.contentDigest());
        return connection.preparedQuery(INSERT).execute(row).flatMap(inserted -> {
            if (inserted.rowCount() == 0) {
                return Uni.createFrom().nullItem();
            }
            return connection
                    .preparedQuery(INSERT_AFFECTED)
                    .execute(affectedRows(id, input.affected()))
                    .flatMap(ignored -> read(connection, inserted.iterator().next()));
        });
    }

    /** The stored advisory of a reference, locked for a revision: its id and revision; null when there is none. */
    Uni<Row> lockByReference(SqlClient connection, String reference) {
        return connection
                .preparedQuery(LOCK_BY_REFERENCE)
                .execute(Tuple.of(reference.strip()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /** Replaces an advisory's text, CVEs and affected products with those of a newer revision of its document. */
    Uni<AdvisoryDetails> revise(SqlClient connection, Caller caller, UUID id, AdvisoryInput input) {
        Tuple row = Tuple.tuple()
                .addUUID(id)
                .addString(input.title().strip())
                .addString(input.summary())
                .addString(input.effectiveSeverity().name())
                .addBigDecimal(input.cvssScore())
                .addString(input.tlp().name())
                .addString(input.remediation())
                .addArrayOfString(input.cves().toArray(String[]::new))
                .addArrayOfString(input.links().toArray(String[]::new))
                .addString(searchText(input))
                .addString(caller.displayName())
                .addString(input.revision())
                .addBoolean(input.ransomware())
                .addString(input.contentDigest());
        return connection
                .preparedQuery(REVISE)
                .execute(row)
                .flatMap(ignored -> connection.preparedQuery(DELETE_AFFECTED).execute(Tuple.of(id)))
                .flatMap(ignored ->
                        connection.preparedQuery(INSERT_AFFECTED).execute(affectedRows(id, input.affected())))
                .flatMap(ignored -> find(connection, id));
    }

    /** Records a newer revision that says what the stored one says: nothing else changes. */
    Uni<Void> recordRevision(SqlClient connection, UUID id, String revision) {
        return connection
                .preparedQuery(NEW_REVISION_SAME_CONTENT)
                .execute(Tuple.of(id, revision))
                .replaceWithVoid();
    }

    /** A page of advisories, newest first, with the filters given (text, severity, CVE). */
    public Uni<List<AdvisoryDetails>> page(
            SqlClient client, String query, Severity severity, String cve, Cursor.Parts after, int limit) {
        Conditions where = Conditions.on(Tuple.tuple())
                .whenPresent(query, "search_text like ?", SearchText::containsPattern)
                .whenPresent(severity, "severity = ?", Enum::name)
                .whenPresent(cve, "? = any(cves)", c -> c.strip().toUpperCase(Locale.ROOT));
        if (after != null) {
            where.and("(issued_on, id) < (?, ?)", after.date(0), after.uuid(1));
        }
        String sql = "select " + COLUMNS + " from advisory" + where.clause()
                + " order by issued_on desc, id desc limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<AdvisoryDetails> found = new ArrayList<>();
            rows.forEach(row -> found.add(details(row, null)));
            return found;
        });
    }

    public Uni<AdvisoryDetails> find(SqlClient connection, UUID id) {
        return connection
                .preparedQuery("select " + COLUMNS + " from advisory where id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> rows.size() == 0
                        ? Uni.createFrom().nullItem()
                        : read(connection, rows.iterator().next()));
    }

    Uni<AdvisoryDetails> read(SqlClient connection, Row advisory) {
        return connection
                .preparedQuery(AFFECTED)
                .execute(Tuple.of(advisory.getUUID("id")))
                .map(affected -> details(advisory, affected));
    }

    static AdvisoryDetails details(Row row, RowSet<Row> affectedRows) {
        List<AdvisoryDetails.Affected> affected = new ArrayList<>();
        List<AdvisoryDetails.Affected> notAffected = new ArrayList<>();
        if (affectedRows != null) {
            for (Row a : affectedRows) {
                List<String> notBy = notAffected(a.getArrayOfStrings("not_affected_cves"));
                (notBy == null ? affected : notAffected)
                        .add(new AdvisoryDetails.Affected(
                                a.getString("vendor"),
                                a.getString("product"),
                                a.getString("cpe"),
                                a.getString("purl"),
                                a.getString("version_exact"),
                                a.getString("start_including"),
                                a.getString("start_excluding"),
                                a.getString("end_including"),
                                a.getString("end_excluding"),
                                a.getString("fixed_in"),
                                a.getString("identity"),
                                a.getString("range_text"),
                                a.getBoolean("under_investigation"),
                                a.getString("version_scheme"),
                                notBy));
            }
        }
        return new AdvisoryDetails(
                row.getUUID("id"),
                row.getString("reference"),
                row.getString("issuer"),
                row.getString("title"),
                row.getString("summary"),
                row.getLocalDate("issued_on"),
                Severity.valueOf(row.getString("severity")),
                row.getBigDecimal("cvss_score"),
                Tlp.valueOf(row.getString("tlp")),
                row.getLocalDate("due_on"),
                row.getString("remediation"),
                Arrays.asList(row.getArrayOfStrings("cves")),
                Arrays.asList(row.getArrayOfStrings("links")),
                row.getBoolean("known_exploited"),
                row.getBoolean("ransomware"),
                row.getString("source_format"),
                row.getString("status"),
                affected,
                notAffected,
                row.getLong("version"),
                row.getString("revision"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getString("created_by"),
                Withdrawn.of(row),
                null);
    }

    private static List<String> notAffected(String[] cves) {
        return cves == null ? null : List.of(cves);
    }

    private static String searchText(AdvisoryInput input) {
        return SearchText.foldAll(
                input.reference(),
                input.title(),
                String.join(" ", input.cves()),
                input.affected().stream()
                        .map(a -> a.vendor() + " " + a.product())
                        .reduce("", String::concat));
    }

    private static Tuple affectedRows(UUID id, List<AffectedProductInput> affected) {
        int n = affected.size();
        Integer[] positions = new Integer[n];
        String[][] text = new String[14][n];
        Boolean[] lowerInclusive = new Boolean[n];
        Boolean[] upperInclusive = new Boolean[n];
        Boolean[] investigating = new Boolean[n];
        String[] streams = new String[n];
        String[] schemes = new String[n];
        String[] notAffected = new String[n];
        for (int i = 0; i < n; i++) {
            AffectedProductInput a = affected.get(i);
            VersionRange range = a.range();
            positions[i] = i;
            String[] values = {
                ProductIdentity.preferred(a.vendor(), a.product(), a.cpe(), a.purl()),
                a.vendor(),
                a.product(),
                a.cpe(),
                a.purl(),
                a.versionExact(),
                a.startIncluding(),
                a.startExcluding(),
                a.endIncluding(),
                a.endExcluding(),
                a.fixedIn(),
                range.describe(),
                range.lowerKey(),
                range.upperKey()
            };
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
            lowerInclusive[i] = range.lowerInclusive();
            upperInclusive[i] = range.upperInclusive();
            investigating[i] = a.investigating();
            streams[i] = a.platform() != null
                    ? OsPlatform.stream(a.platform())
                    : ReleaseStream.withPurl(range.stream(), a.purl());
            schemes[i] = range.scheme().name();
            notAffected[i] = a.isNotAffectedStatement() ? String.join(" ", a.notAffectedCves()) : "";
        }
        Tuple tuple = Tuple.tuple().addUUID(id).addArrayOfInteger(positions);
        for (int c = 0; c < 12; c++) {
            tuple.addArrayOfString(text[c]);
        }
        return tuple.addArrayOfString(text[12])
                .addArrayOfBoolean(lowerInclusive)
                .addArrayOfString(text[13])
                .addArrayOfBoolean(upperInclusive)
                .addArrayOfBoolean(investigating)
                .addArrayOfString(streams)
                .addArrayOfString(schemes)
                .addArrayOfString(notAffected);
    }
}
