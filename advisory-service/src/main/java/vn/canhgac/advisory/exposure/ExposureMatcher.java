package vn.canhgac.advisory.exposure;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_UPDATED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.requestid.RequestIdFilter;

/**
 * The matching engine. Each entry point gathers candidate hits with set-based SQL over the read model (equality
 * and bucket hash joins, btree and GiST range scans: no per-row round trips), then one statement writes them:
 * <ul>
 *   <li>a hit never seen before becomes an OPEN exposure ({@code exposure.detected});</li>
 *   <li>a hit whose evidence (the installed version, the botnet list) is unchanged changes nothing at all, so
 *       replays and re-matching are free and never duplicate;</li>
 *   <li>new evidence on a RESOLVED, MITIGATED or WITHDRAWN exposure reopens it ({@code exposure.reopened}, as a
 *       statement of not affected that no longer holds does); on one
 *       still open, or accepted as a risk, or marked a false positive, it only updates the evidence
 *       ({@code exposure.updated}).</li>
 * </ul>
 * Everything runs on the caller's connection, in its transaction, with the outbox rows of the events. A row's times
 * and its history's are its statement's ({@code statement_timestamp()}), as its event's time is: a list's transaction
 * begins before its upload, and a consumer tells a step's own data from a later step's by comparing the event's time
 * with the data's {@code statusChangedAt}.
 */
@ApplicationScoped
public class ExposureMatcher {

    /**
     * A VEX statement {@code n} of another document that says the installed product is not affected by every CVE
     * of advisory {@code v} (an advisory about two CVEs still hits for the one not covered).
     */
    private static final String NOT_AFFECTED = """
            select 1 from affected_product n join advisory nv on nv.id = n.advisory_id and nv.status = 'ACTIVE'
            where n.not_affected_cves is not null and n.advisory_id <> v.id and cardinality(v.cves) > 0
              and v.cves <@ n.not_affected_cves
            """;

    /**
     * Whether the versions of range row {@code r} (its bounds' keys, its stream: a distribution's release or an
     * operating system, {@code os:?} for an installed product that names none) cover installed product {@code p}.
     */
    private static String covers(String r, String p) {
        return """
                (%1$s.stream is null or %1$s.stream = %2$s.stream or (%1$s.stream = 'os:?' and %2$s.stream is null))
                 and (%2$s.version_key is not null or (%1$s.lower_key is null and %1$s.upper_key is null))
                 and (%1$s.lower_key is null or %2$s.version_key > %1$s.lower_key
                      or (%1$s.lower_inclusive and %2$s.version_key = %1$s.lower_key))
                 and (%1$s.upper_key is null or %2$s.version_key < %1$s.upper_key
                      or (%1$s.upper_inclusive and %2$s.version_key = %1$s.upper_key))
                """.formatted(r, p);
    }

    /**
     * Whether an advisory with versions (not KEV) about a CVE of KEV entry {@code v} names the installed product
     * {@code %1$s} by any of its identities: then its versions decide, found or not, and the KEV entry's name-only
     * hit is not wanted.
     */
    private static final String VERSIONED_DATA_NAMES = """
            exists (select 1 from affected_product vr
                    join advisory vv on vv.id = vr.advisory_id and vv.status = 'ACTIVE' and vv.source_format <> 'KEV'
                    join installed_product same on same.asset_id = %1$s.asset_id and same.position = %1$s.position
                         and same.identity = vr.identity
                    where vv.cves && v.cves and vr.not_affected_cves is null)""";

    /**
     * Hits of advisories on installed products ({@code %s}: how the installed products {@code p} and their assets
     * {@code a} are reached). Candidate columns, in this order, of every candidate query.
     */
    private static String advisoryHits(String productsAndAssets) {
        return ("""
            select 'A|' || r.advisory_id || '|' || a.id || '|' || p.position as dedup_key,
                   a.organization_code, a.org_path, 'ADVISORY' as source_kind, r.advisory_id,
                   null::uuid as botnet_list_id, a.id as asset_id, a.hostname, null::cidr as network,
                   concat_ws(' ', p.vendor, p.product, p.version) as subject,
                   concat_ws(' ', r.vendor, r.product, r.range_text) || ' [' || r.identity || ']' as matched,
                   coalesce(p.version, '') as evidence,
                   v.severity, v.due_on as deadline, v.issued_on as rank_date,
                   case when r.under_investigation or (v.source_format = 'KEV' and r.lower_key is null
                        and r.upper_key is null and r.version_exact is null) then 'TO_CONFIRM' else 'OPEN' end
                       as initial_status
            from affected_product r
            join advisory v on v.id = r.advisory_id and v.status = 'ACTIVE' and r.not_affected_cves is null
            %s
                 and not (v.source_format = 'KEV' and (exists (
                     select 1 from exposure k join advisory kv on kv.id = k.advisory_id and kv.source_format <> 'KEV'
                     where k.asset_id = a.id and kv.cves && v.cves and k.status <> 'WITHDRAWN')
                     or\s""" + VERSIONED_DATA_NAMES.formatted("p") + "))" + """

                 and not exists (""" + NOT_AFFECTED + """
                     and n.identity = p.identity and\s""" + covers("n", "p") + ")\n")
                .formatted(productsAndAssets);
    }

    /**
     * The installed products of affected product {@code product}'s identity, as {@code alias}, each looked up in
     * their index ({@code offset 0} keeps the lookup from being flattened into a join, which the planner costs at the
     * average number of installations per identity: see {@link #ADVISORY_HITS_OF_ADVISORIES}).
     */
    private static String installationsOf(String product, String alias) {
        return "join lateral (select * from installed_product %2$s where %2$s.identity = %1$s.identity offset 0) %2$s"
                .formatted(product, alias);
    }

    /**
     * Driven from a batch of assets: its installed products, by their assets' ids, are joined to the affected
     * products of every active advisory.
     */
    private static final String ADVISORY_HITS_OF_ASSETS = advisoryHits("""
            join installed_product p on p.identity = r.identity and\s""" + covers("r", "p") + """
            join asset_replica a on a.id = p.asset_id and not a.deleted""");

    /**
     * Driven from a few advisories: each affected product looks up the installed products of its identity in their
     * index, and each of those its asset by primary key, so that the cost follows the hits, not the inventory. Joined
     * instead, the planner cannot know the identity when it plans and takes the average number of products per
     * identity, which on an inventory of few distinct products (hundreds of thousands each) made it read the whole
     * of both tables for every advisory, most of which hit nothing: half a second per KEV entry at 15 million
     * installed products, more than ten minutes for a catalogue ({@code offset 0} keeps each lookup from being
     * flattened back into a join).
     */
    private static final String ADVISORY_HITS_OF_ADVISORIES =
            advisoryHits(installationsOf("r", "p") + """

                 on\s""" + covers("r", "p") + """
            join lateral (select * from asset_replica a where a.id = p.asset_id offset 0) a on not a.deleted""");

    private static final String ASSET_BOTNET_COLUMNS = """
            select 'B|' || a.id || '|' || host(aa.address) as dedup_key, a.organization_code, a.org_path,
                   'BOTNET' as source_kind, null::uuid as advisory_id, l.id as botnet_list_id, a.id as asset_id,
                   a.hostname, null::cidr as network, host(aa.address) as subject,
                   l.reference || ': ' || (case when e.host then host(e.network) else e.network::text end)
                       || coalesce(' (' || e.label || ')', '') as matched,
                   l.id::text as evidence, 'HIGH' as severity, l.due_on as deadline,
                   l.issued_on as rank_date, 'OPEN' as initial_status
            """;
    private static final String RANGE_BOTNET_COLUMNS = """
            select 'C|' || o.code || '|' || e.network as dedup_key, o.code as organization_code, o.path as org_path,
                   'BOTNET' as source_kind, null::uuid as advisory_id, l.id as botnet_list_id, null::uuid as asset_id,
                   null as hostname, c_network as network,
                   case when e.host then host(e.network) else e.network::text end as subject,
                   l.reference || ': ' || (case when e.host then host(e.network) else e.network::text end)
                       || coalesce(' (' || e.label || ')', '') || ' in ' || c_network::text as matched,
                   l.id::text as evidence, 'HIGH' as severity, l.due_on as deadline,
                   l.issued_on as rank_date, 'OPEN' as initial_status
            """;
    /** A constituency hit only for an address that is no registered asset of that organisation. */
    private static final String NOT_AN_ASSET_OF_O = """
            not exists (select 1 from asset_address_replica aa join asset_replica a on a.id = aa.asset_id
                        where aa.address = e.network and a.organization_code = o.code and not a.deleted)""";

    private static final String LIST_HITS = ASSET_BOTNET_COLUMNS + """
            from botnet_entry e join botnet_list l on l.withdrawn_at is null and l.id = e.list_id
            join asset_address_replica aa on aa.address = e.network
            join asset_replica a on a.id = aa.asset_id and not a.deleted
            where e.list_id = $1 and e.host
            union all
            """ + ASSET_BOTNET_COLUMNS + """
            from botnet_entry e join botnet_list l on l.withdrawn_at is null and l.id = e.list_id
            join asset_address_replica aa on aa.address <<= e.network
            join asset_replica a on a.id = aa.asset_id and not a.deleted
            where e.list_id = $1 and not e.host
            union all
            """
            + RANGE_BOTNET_COLUMNS.replace("c_network", "b.network") + """
            from botnet_entry e join botnet_list l on l.withdrawn_at is null and l.id = e.list_id
            join constituency_bucket b on b.bucket = e.bucket and e.network <<= b.network
            join organization_replica o on o.code = b.organization_code and not o.deleted
            where e.list_id = $1 and e.host and\s""" + NOT_AN_ASSET_OF_O + """
            union all
            """
            + RANGE_BOTNET_COLUMNS.replace("c_network", "c.network") + """
            from constituency_range c join botnet_entry e on e.list_id = $1 and e.host and e.network <<= c.network
            join botnet_list l on l.withdrawn_at is null and l.id = e.list_id
            join organization_replica o on o.code = c.organization_code and not o.deleted
            where c.wide and\s""" + NOT_AN_ASSET_OF_O + """
            union all
            """
            + RANGE_BOTNET_COLUMNS.replace("c_network", "c.network") + """
            from botnet_entry e join constituency_range c on c.network && e.network
            join botnet_list l on l.withdrawn_at is null and l.id = e.list_id
            join organization_replica o on o.code = c.organization_code and not o.deleted
            where e.list_id = $1 and not e.host and\s""" + NOT_AN_ASSET_OF_O;

    /**
     * The changed assets' addresses against the active lists. The lookup of an address in a list is lateral, so that
     * it stays a primary-key probe per address whatever the planner thinks of the lists' size ({@code offset 0}
     * keeps the subquery from being flattened; driven from the
     * lists, a batch of assets cost a GiST probe per listed address: 1.5 s per batch).
     */
    private static final String ASSET_LIST_HITS = ASSET_BOTNET_COLUMNS + """
            from asset_replica a join asset_address_replica aa on aa.asset_id = a.id
            join botnet_list l on l.withdrawn_at is null and l.issued_on >= current_date - $2::int
            join lateral (select * from botnet_entry x where x.list_id = l.id and x.network = aa.address offset 0) e on true
            where a.id = any($1) and not a.deleted
            union all
            """ + ASSET_BOTNET_COLUMNS + """
            from asset_replica a join asset_address_replica aa on aa.asset_id = a.id
            join botnet_list l on l.withdrawn_at is null and l.issued_on >= current_date - $2::int
            join botnet_entry e on e.list_id = l.id and not e.host and aa.address <<= e.network
            where a.id = any($1) and not a.deleted""";

    private static final String CONSTITUENCY_HITS =
            RANGE_BOTNET_COLUMNS.replace("c_network", "c.network") + """
            from constituency_range c join botnet_list l on l.withdrawn_at is null and l.issued_on >= current_date - $2::int
            join botnet_entry e on e.list_id = l.id and e.network <<= c.network
            join organization_replica o on o.code = c.organization_code and not o.deleted
            where c.organization_code = $1 and\s""" + NOT_AN_ASSET_OF_O + """
            union all
            """
                    + RANGE_BOTNET_COLUMNS.replace("c_network", "c.network") + """
            from constituency_range c join botnet_list l on l.withdrawn_at is null and l.issued_on >= current_date - $2::int
            join botnet_entry e on e.list_id = l.id and not e.host and c.network << e.network
            join organization_replica o on o.code = c.organization_code and not o.deleted
            where c.organization_code = $1 and\s""" + NOT_AN_ASSET_OF_O;

    /** A withdrawn exposure reopens too: a later list or advisory that names the same hit is new evidence. */
    private static final String REOPENABLE = "('RESOLVED', 'MITIGATED', 'WITHDRAWN')";

    /**
     * An exposure the matcher moves from one of these to {@link #LIVE} is announced as reopened: new evidence on
     * one {@link #REOPENABLE}, a statement that it was not affected that no longer holds, or a KEV entry's hit no
     * longer superseded ({@link #REVIVE_KEV}).
     */
    private static final String CLOSED = "('RESOLVED', 'MITIGATED', 'WITHDRAWN', 'FALSE_POSITIVE')";

    /** Still to deal with: to confirm, open, acknowledged or in progress. */
    private static final String LIVE = "('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')";

    /**
     * Writes the candidates; its step {@code changed} holds every exposure written, with its status before (none for
     * one detected now) and after: a reopened one changed status, one whose evidence alone moved kept it. A
     * candidate carries its source's own deadline; the due date the national policy gives is worked out once per
     * severity and deadline, not per hit (per hit, it was a tenth of an asset batch's time), and looked up per hit
     * rather than joined: the planner cannot estimate such a join, and its guess of a few dozen rows led it
     * to a nested loop over thousands of hits in the steps after (five times slower). For the same reason the
     * written rows carry their status before themselves ({@code reopened_from}, below) rather than find it by a
     * join with {@code prior}: on a platform with few advisories the planner expected a handful of hits and joined
     * the two by a nested loop, each of thousands of rows against all the others (0.5 s of a 0.7 s asset batch).
     * New exposures are named by {@code time_ordered_id()}, so that they go in at the end of every index that holds
     * their id: with random ids, writing a list's 101,000 new exposures took 2.18 s instead of 1.51 s, and their
     * history rows 0.60 s instead of 0.28 s.
     *
     * <p>Of the lists that name a hit, the one it is under is the latest issued and, of those issued the same day,
     * the last published ({@code evidence} is the list's time-ordered id). Every way of matching keeps to that rule:
     * a publication matches its own list alone, so a hit that an active list of higher rank already holds is left
     * as it is ({@code kept}). Before, a publication took every hit it named and a later rematch of the asset
     * or constituency took some of them back to the first published list: the same hit changed list back and forth,
     * and a list issued earlier but published late reopened what the agency had closed after a newer one. A closed
     * botnet hit is also kept as it is by a list published before it was closed: that list is no new evidence (the
     * agency closed the hit knowing it), whatever its rank; without this, hits closed under the rule before, which
     * ranked the first published list of a day higher, would have been reopened by the next rematch.
     *
     * <p>{@code prior} reads the statement's snapshot; a person may close a hit after it and before the update takes
     * the row. The update therefore decides on the row as it takes it: a hit closed after the list was published
     * is left alone ({@code where} of the update, the closed half of {@code kept} on the live row), and the status a
     * reopened hit had is what the update found ({@code reopened_from}), not the snapshot's. A new exposure is one
     * of version 0 (an update raises it). Read from the snapshot, a hit an agency closed while a list was matched
     * was reopened without a history row or an event.
     */
    private static final String UPSERT = """
            with candidate as (%s),
            chosen as (select distinct on (dedup_key) * from candidate order by dedup_key, rank_date desc, evidence desc),
            due as materialized (select severity, deadline, exposure_due(severity, deadline, current_date) as due_on
                                 from (select distinct severity, deadline from chosen) d),
            prior as materialized (select c.*, (select d.due_on from due d where d.severity = c.severity
                                          and d.deadline is not distinct from c.deadline) as due_on,
                             x.status as prior_status,
                             (x.botnet_list_id is not null and c.botnet_list_id is not null and (
                                  exists (select 1 from botnet_list o where o.id = x.botnet_list_id
                                              and o.withdrawn_at is null
                                              and (o.issued_on, o.id::text) > (c.rank_date, c.evidence))
                                  or (x.status in %2$s and (select n.created_at from botnet_list n
                                                            where n.id = c.botnet_list_id) <= x.status_changed_at)))
                                 as kept,
                             x.evidence as prior_evidence
                      from chosen c left join exposure x using (dedup_key)),
            written as (
                insert into exposure as x (id, dedup_key, organization_code, org_path, source_kind, advisory_id,
                    botnet_list_id, asset_id, hostname, network, subject, matched, evidence, severity, due_on, status,
                    detected_at, last_matched_at, status_changed_at, status_changed_by, version)
                select time_ordered_id(), dedup_key, organization_code, org_path, source_kind, advisory_id,
                    botnet_list_id, asset_id, hostname, network, subject, matched, evidence, severity, due_on,
                    initial_status, statement_timestamp(), statement_timestamp(), statement_timestamp(), 'matcher', 0
                from prior where prior_evidence is distinct from evidence and not kept
                on conflict (dedup_key) do update set evidence = excluded.evidence, matched = excluded.matched,
                    subject = excluded.subject, botnet_list_id = coalesce(excluded.botnet_list_id, x.botnet_list_id),
                    last_matched_at = statement_timestamp(),
                    status = case when x.status in %2$s then excluded.status else x.status end,
                    due_on = case when x.status in %2$s then excluded.due_on else x.due_on end,
                    status_changed_at = case when x.status in %2$s then statement_timestamp() else x.status_changed_at end,
                    status_changed_by = case when x.status in %2$s then 'matcher' else x.status_changed_by end,
                    reopened_from = case when x.status in %2$s then x.status end,
                    version = x.version + 1
                where not (x.status in %2$s and x.botnet_list_id is not null and excluded.botnet_list_id is not null
                           and (select n.created_at from botnet_list n where n.id = excluded.botnet_list_id)
                               <= x.status_changed_at)
                returning x.*),
            news as (select w.*, case when w.version > 0 then w.reopened_from end as prior_status from written w
                     where w.version = 0 or w.reopened_from is not null),
            history as (
                insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
                select id, statement_timestamp(), 'matcher', prior_status, status,
                       case when prior_status is null and status = 'TO_CONFIRM'
                                then 'detected on the product name alone, version to confirm: ' || matched
                            when prior_status is null then 'detected: ' || matched
                            else 'reopened on new evidence: ' || matched end
                from news),
            changed as (select x.id, case when x.version > 0 then coalesce(x.reopened_from, x.status) end as prior_status,
                               x.status
                        from written x)""";

    /**
     * Closes the exposures a selection names, in one statement: each moves to the target status, its history says
     * who moved it and why, and its step {@code changed} holds them for their events. The selection answers
     * {@code id, status} of the exposures to close and locks them; actor and note are SQL expressions.
     */
    private static String closing(String selection, String target, String actor, String note) {
        return """
                with prior as (%s),
                written as (update exposure x set status = '%s', status_changed_at = statement_timestamp(),
                                status_changed_by = %s, version = x.version + 1
                            from prior where x.id = prior.id returning x.*, prior.status as prior_status),
                history as (insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
                            select id, statement_timestamp(), %s, prior_status, '%s', %s from written),
                changed as (select x.id, x.prior_status, x.status from written x)""".formatted(selection, target, actor, actor, target, note);
    }

    private static final String UNRESOLVED = "('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')";

    /** A deleted asset's hits to confirm are resolved too: nobody can confirm them any more. */
    private static final String RETIRE_ASSET = closing(
            "select id, status from exposure where asset_id = any($1) and status in " + LIVE + " for update",
            "RESOLVED",
            "'matcher'",
            "'the asset was deleted from inventory'");

    /**
     * A constituency hit whose address turns out to be a registered asset of the same organisation (the list was
     * matched before the asset reached the read model) is resolved: the asset's own exposure now tracks it.
     */
    private static final String SUPERSEDE_RANGE_HITS = closing(
            """
            select x.id, x.status from exposure x
            join asset_replica a on a.id = any($1) and not a.deleted
            join asset_address_replica aa on aa.asset_id = a.id
            where x.source_kind = 'BOTNET' and x.asset_id is null
              and x.organization_code = a.organization_code and x.subject = host(aa.address)
              and x.status in\s""" + UNRESOLVED + " for update of x",
            "RESOLVED",
            "'matcher'",
            "'the address is a registered asset now; its own exposure tracks it'");

    /**
     * Before a list's withdrawal closes its hits, those that another active list also names (the same address of an
     * asset, the same entry in a constituency) stay, under that list (the latest issued; of two issued the same day, the
     * last published, as when lists are matched). One the withdrawn list had
     * reopened (the last line of its history), when the list it moves to was published before that, goes back to the
     * status it had, resolved or mitigated: the other list was known when the agency closed it. Any other keeps its
     * own, so that an agency's work in progress is not reset: announced as an update, which no consumer takes for a
     * new hit, as when a list only moves an open hit's evidence. Each hit looks up its own address (an asset's, which
     * it must still have) or entry (a constituency's, the last part of its key) in each active list's primary key, and
     * in the list's networks: a lateral probe per hit, so that no plan can join the hits to a set of candidates by a
     * nested loop. Joined so,
     * the statement handed the bench's 101,000 hits over in 4.1 s, and outlasted the gateway's minute after a change
     * to its constituency branch alone (the slow plan was not caught). The asset's address is compared as text, so
     * that only the primary key (asset, address) can find it: compared as an address, the planner once took the GiST
     * index, and the statement took 32.5 s instead of 3.6 s.
     */
    private static final String HAND_OVER = """
            with withdrawn as (select reference from botnet_list where id = $1),
            prior as (select x.id, x.status as prior_status, c.botnet_list_id, c.evidence, c.matched,
                             (select case when h.from_status in ('RESOLVED', 'MITIGATED') and h.from_status <> x.status
                                          then h.from_status end
                              from exposure_history h
                              where h.exposure_id = x.id and h.actor = 'matcher'
                                and starts_with(h.note, 'reopened on new evidence: ' || w.reference || ': ')
                                and h.id = (select max(l.id) from exposure_history l where l.exposure_id = x.id)
                                and h.at > (select o.created_at from botnet_list o where o.id = c.botnet_list_id))
                                 as restored
                      from exposure x cross join withdrawn w
                      join lateral (
                          select o.id as botnet_list_id, o.id::text as evidence,
                                 o.reference || ': ' || (case when o.host then host(o.network) else o.network::text end)
                                     || coalesce(' (' || o.label || ')', '') || coalesce(' in ' || x.network::text, '')
                                     as matched
                          from (select l.id, l.reference, l.issued_on, e.host, e.network, e.label
                                from botnet_list l
                                join botnet_entry e on e.list_id = l.id and e.network = (case when x.asset_id is null
                                     then substring(x.dedup_key from '[^|]*$') else x.subject end)::cidr
                                where l.withdrawn_at is null and l.issued_on >= current_date - $2::int
                                union all
                                select l.id, l.reference, l.issued_on, e.host, e.network, e.label
                                from botnet_list l
                                join botnet_entry e on e.list_id = l.id and not e.host and x.subject::inet <<= e.network
                                where x.asset_id is not null
                                  and l.withdrawn_at is null and l.issued_on >= current_date - $2::int) o
                          order by o.issued_on desc, o.id::text desc limit 1) c on true
                      where x.botnet_list_id = $1
                        and (x.asset_id is null or exists (
                            select 1 from asset_address_replica aa join asset_replica a on a.id = aa.asset_id
                            where aa.asset_id = x.asset_id and host(aa.address) = x.subject and not a.deleted))
                      for update of x),
            written as (update exposure x set botnet_list_id = p.botnet_list_id, evidence = p.evidence,
                            matched = p.matched, last_matched_at = statement_timestamp(), status = coalesce(p.restored, x.status),
                            status_changed_at = case when p.restored is null then x.status_changed_at else statement_timestamp() end,
                            status_changed_by = case when p.restored is null then x.status_changed_by else 'matcher' end,
                            version = x.version + 1
                        from prior p where x.id = p.id
                        returning x.*, p.prior_status, p.restored),
            history as (insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
                        select x.id, statement_timestamp(), 'matcher', x.prior_status, x.status,
                               'back as it was before ' || w.reference || ' was withdrawn: ' || x.matched
                        from written x cross join withdrawn w
                        where x.restored is not null),
            changed as (select x.id, x.prior_status, x.status from written x)""";

    /**
     * Closes what an advisory or a list found, once it is withdrawn: to confirm, open, in progress and mitigated alike
     * ({@code %s}: the column, advisory_id or botnet_list_id).
     */
    private static final String WITHDRAW = closing("""
            select id, status from exposure
            where %s = $1 and status in ('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'MITIGATED') for update""", "WITHDRAWN", "$2", "'withdrawn: ' || $3");

    /**
     * A KEV entry's name-only hit that a versioned advisory superseded comes back, to be confirmed, once none decides for
     * its asset (that advisory withdrawn) and no VEX statement says the product is not affected: matching the asset
     * again finds the hit with the evidence it had, which alone changes nothing. Of the assets {@code $1}. A revision
     * that no longer names the product does not revive it: the advisory's own finding, resolved as stale, still
     * decides (as it holds a new hit back in {@link #advisoryHits}).
     */
    private static final String REVIVE_KEV = closing(
            """
            select k.id, k.status from exposure k
            join advisory v on v.id = k.advisory_id and v.source_format = 'KEV' and v.status = 'ACTIVE'
            join installed_product kp on kp.asset_id = k.asset_id
                 and kp.position = split_part(k.dedup_key, '|', 4)::int
            where k.asset_id = any($1) and kp.asset_id = any($1) and k.status = 'RESOLVED'
              and k.status_changed_by = 'matcher'
              and starts_with((select h.note from exposure_history h where h.exposure_id = k.id
                               order by h.id desc limit 1), 'superseded:')
              and exists (select 1 from affected_product r where r.advisory_id = v.id and r.identity = kp.identity
                          and r.not_affected_cves is null)
              and not exists (select 1 from exposure x join advisory xv on xv.id = x.advisory_id
                              where xv.source_format <> 'KEV' and x.asset_id = k.asset_id and xv.cves && v.cves
                                and x.status <> 'WITHDRAWN')
              and not exists (""" + NOT_AFFECTED + """
                  and n.identity = kp.identity and\s""" + covers("n", "kp") + ")" + """

              and not\s""" + VERSIONED_DATA_NAMES.formatted("kp") + """

            for update of k""",
            "TO_CONFIRM",
            "'matcher'",
            "'no longer superseded: no advisory naming versions decides for this asset'");

    /**
     * A finding from an advisory with versions decides for its asset: the name-only hit of a KEV entry on the same
     * CVE, still to confirm, is resolved as superseded ({@code %s}: which KEV hits to look at).
     */
    private static final String SUPERSEDE_KEV = closing(
            """
            select k.id, k.status from exposure k
            join advisory v on v.id = k.advisory_id and v.source_format = 'KEV'
            join installed_product kp on kp.asset_id = k.asset_id
                 and kp.position = split_part(k.dedup_key, '|', 4)::int
            where k.status = 'TO_CONFIRM' and %s and (exists (
                select 1 from exposure x join advisory xv on xv.id = x.advisory_id
                where xv.source_format <> 'KEV' and x.asset_id = k.asset_id and xv.cves && v.cves
                  and x.status <> 'WITHDRAWN')
                or\s""" + VERSIONED_DATA_NAMES.formatted("kp") + """
            )
            for update of k""",
            "RESOLVED",
            "'matcher'",
            "'superseded: an advisory naming versions decides for this asset'");

    /**
     * After a revision of an advisory: what it found before and no longer finds (a product now known not affected,
     * a range narrowed) is resolved, with the revision in its history.
     */
    private static final String RETIRE_STALE =
            closing("""
            select x.id, x.status from exposure x
            where x.advisory_id = $1
              and x.status in ('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'MITIGATED')
              and x.dedup_key not in (select dedup_key from (""" + ADVISORY_HITS_OF_ADVISORIES + """
            where r.advisory_id = $1) as current)
            for update of x""", "RESOLVED", "'matcher'", "'no longer affected: ' || $2");

    /**
     * After a VEX statement ({@code $1} its advisory): what other advisories about only the CVEs it covers found on
     * the products it says are not affected is closed as a false positive, with the statement in its history. The
     * exposures are found from the statement's products, each looked up by identity and its assets' exposures by
     * asset, as an advisory's hits are; then locked by id. Started from every open exposure of the platform instead,
     * one statement took 2.7 s at a million open exposures, whatever product it named.
     */
    private static final String APPLY_NOT_AFFECTED = closing(
            """
            select x.id, x.status from exposure x
            where x.id = any(array(
                    select c.id from affected_product n
                    join advisory nv on nv.id = n.advisory_id and nv.status = 'ACTIVE'
                    """ + installationsOf("n", "p") + """

                         on\s""" + covers("n", "p") + """
                    join lateral (select * from exposure c where c.asset_id = p.asset_id offset 0) c
                         on c.source_kind = 'ADVISORY' and split_part(c.dedup_key, '|', 4)::int = p.position
                    join advisory v on v.id = c.advisory_id and v.id <> n.advisory_id
                    where n.advisory_id = $1 and n.not_affected_cves is not null
                      and cardinality(v.cves) > 0 and v.cves <@ n.not_affected_cves))
              and x.status in\s""" + LIVE + """

            for update of x""",
            "FALSE_POSITIVE",
            "'vex:' || $1",
            "'not affected according to ' || (select reference from advisory where id = $1)");

    /**
     * When statements of an advisory ({@code $1}) no longer hold (it is withdrawn, or its revision says otherwise):
     * what they had closed and no statement of it still covers goes back to the status it had before, with why in
     * its history.
     */
    private static final String LIFT_NOT_AFFECTED = """
            with prior as (
                select x.id, x.status, coalesce((select h.from_status from exposure_history h
                                                 where h.exposure_id = x.id order by h.id desc limit 1), 'OPEN') as back
                from exposure x join advisory v on v.id = x.advisory_id
                where x.status = 'FALSE_POSITIVE' and x.status_changed_by = 'vex:' || $1::uuid
                  and not exists (select 1 from installed_product p
                                  where p.asset_id = x.asset_id and p.position = split_part(x.dedup_key, '|', 4)::int
                                    and exists (""" + NOT_AFFECTED + """
                                        and n.advisory_id = $1 and n.identity = p.identity and\s""" + covers("n", "p") + """
            ))
                for update of x),
            written as (update exposure x set status = prior.back, status_changed_at = statement_timestamp(),
                            status_changed_by = 'matcher', version = x.version + 1
                        from prior where x.id = prior.id returning x.*, prior.status as prior_status),
            history as (insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
                        select id, statement_timestamp(), 'matcher', prior_status, status,
                               'no longer stated not affected: ' || (select reference from advisory where id = $1)
                        from written),
            changed as (select x.id, x.prior_status, x.status from written x)""";

    private static final String STATEMENT_CVES = """
            select distinct unnest(not_affected_cves) from affected_product where advisory_id = $1""";

    private static final String SEVERITY_RANK =
            "(case %s when 'CRITICAL' then 4 when 'HIGH' then 3 " + "when 'MEDIUM' then 2 else 1 end)";

    /**
     * A KEV entry is a signal that a CVE is exploited: what versioned advisories already found for that CVE is
     * raised to at least the entry's severity and due as the national policy wants it for that severity from today
     * (never CISA's US-federal due date), and those advisories are marked known exploited. Each change is announced:
     * notification-service reminds agencies of the due date its replica holds.
     */
    private static final String RAISE_EXPLOITED =
            """
            with kev as (select cves, severity from advisory where id = $1),
            marked as (update advisory v set known_exploited = true from kev
                       where v.source_format <> 'KEV' and v.cves && kev.cves and not v.known_exploited),
            written as (update exposure x set
                            severity = case when %1$s < %2$s then kev.severity else x.severity end,
                            due_on = least(x.due_on, exposure_due(kev.severity, null, current_date)),
                            version = x.version + 1
                        from kev, advisory v
                        where v.id = x.advisory_id and v.source_format <> 'KEV' and v.cves && kev.cves
                          and x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'MITIGATED')
                          and (%1$s < %2$s or x.due_on > exposure_due(kev.severity, null, current_date))
                        returning x.id, x.status),
            changed as (select x.id, x.status as prior_status, x.status from written x)""".formatted(SEVERITY_RANK.formatted("x.severity"), SEVERITY_RANK.formatted("kev.severity"));

    /**
     * A revision that changes the severity (a KEV entry now known to ransomware campaigns, a vendor's re-scoring):
     * the advisory's live exposures take the new severity, except that one a KEV entry raised (the advisory is
     * known exploited) is not lowered; a due date only ever moves closer. Announced, as {@link #RAISE_EXPLOITED}.
     */
    private static final String FOLLOW_REVISION =
            """
            with written as (
                update exposure x set severity = v.severity,
                    due_on = least(x.due_on, exposure_due(v.severity, v.due_on, current_date)), version = x.version + 1
                from advisory v
                where v.id = $1 and x.advisory_id = v.id and x.severity <> v.severity
                  and x.status in ('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'MITIGATED')
                  and not (v.known_exploited and %s > %s)
                returning x.id, x.status),
            changed as (select x.id, x.status as prior_status, x.status from written x)""".formatted(SEVERITY_RANK.formatted("x.severity"), SEVERITY_RANK.formatted("v.severity"));

    /**
     * The end of every statement that changes exposures: the events of its step {@code changed} (id, status before,
     * null for a new exposure, and status after: the same for a change that kept the status), recorded in the outbox
     * for {@link ExposureEventRenderer} to read their data when they are sent, and the counts. The type is the step's,
     * not the data's: a hit reopened, then acknowledged before the relay sends it, is still announced as reopened.
     */
    private final String announcing;

    private final int activeDays;

    /** {@link #LOCK_EXCLUSIVE} waited for at most the configured time (see {@link #lockForPublication}). */
    private final String lockExclusive;

    public ExposureMatcher(
            Outbox outbox,
            ExposureEventRenderer renderer,
            @ConfigProperty(name = "canhgac.botnet.active-days", defaultValue = "62") int activeDays,
            @ConfigProperty(name = "canhgac.matching.lock-timeout", defaultValue = "30s") Duration lockTimeout) {
        this.announcing = ",\nannounced as (%s)\n"
                        .formatted(outbox.insertRenderedSql(
                                EXPOSURE_DETECTED,
                                "changed",
                                """
                                case when prior_status is null then %s
                                     when prior_status in %s and status in %s then %s
                                     when prior_status <> status then %s else %s end""".formatted(
                                                Outbox.sqlText(EXPOSURE_DETECTED.type()),
                                                CLOSED,
                                                LIVE,
                                                Outbox.sqlText(EXPOSURE_REOPENED.type()),
                                                Outbox.sqlText(EXPOSURE_STATUS_CHANGED.type()),
                                                Outbox.sqlText(EXPOSURE_UPDATED.type())),
                                "id::text",
                                renderer,
                                "$REQUEST_ID"))
                + """
                select count(*) filter (where prior_status is null) as detected,
                       count(*) filter (where prior_status <> status) as changed,
                       count(*) filter (where prior_status = status) as updated
                from changed""";
        this.activeDays = activeDays;
        this.lockExclusive = "set local lock_timeout = %d; %s; set local lock_timeout to default"
                .formatted(lockTimeout.toMillis(), LOCK_EXCLUSIVE);
    }

    /**
     * A new advisory or list and a new asset are matched from both sides, each in its own transaction: without
     * this lock, each could run its matching before the other committed, and the hit would be seen by neither (it
     * happened: an asset applied 140 ms before a botnet list that named its address). Publications take it
     * exclusively, inventory changes shared (they never wait for each other); whichever comes second waits for
     * the first to commit, and its matching statement, read committed, then sees the other's rows. Advisory
     * imports and withdrawals take it before any row lock ({@link #lockForPublication}; a list import locks only its
     * own new rows before it matches), and an asset batch before it closes any exposure (in {@link #retireAssets}):
     * the lock first, then rows, on both sides, or two of them deadlock (a revision held its advisory's row and waited
     * for the lock, while a KEV import held the lock and waited to mark that advisory known exploited).
     */
    private static final String LOCK_EXCLUSIVE = "select pg_advisory_xact_lock(7235419870052810)";

    private static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared(7235419870052810)";

    /**
     * Takes the matching lock exclusively, first in a transaction that publishes, revises or withdraws: an asset batch
     * matched beside a withdrawal could otherwise still find the withdrawn advisory active and open a hit of it. It
     * waits at most {@code canhgac.matching.lock-timeout} (30 s) for the batches, or for a publication before it (a
     * KEV catalogue holds the lock for its whole run), then fails with SQLSTATE 55P03: the caller gets a 503 "busy"
     * with {@code Retry-After} and nothing changed. Without the bound, the gateway answered 504 after its minute while
     * the transaction went on waiting and later committed what its caller had been told failed.
     */
    public Uni<Void> lockForPublication(SqlConnection connection) {
        return lock(connection, lockExclusive);
    }

    /**
     * Takes the matching lock shared, first in a transaction that locks assets' rows before it matches them (the
     * rematch job): taken after the rows, a job waiting behind a long publication would hold them, and asset batches
     * that only need those rows would wait too.
     */
    public Uni<Void> lockForAssets(SqlConnection connection) {
        return lock(connection, LOCK_SHARED);
    }

    /** Every installed product against one advisory's affected products. */
    public Uni<MatchReport> matchAdvisory(SqlConnection connection, UUID advisoryId) {
        return lock(connection, lockExclusive)
                .flatMap(locked -> write(
                        connection, ADVISORY_HITS_OF_ADVISORIES + "where r.advisory_id = $1", Tuple.of(advisoryId)))
                .call(() -> supersedeKev(connection, SUPERSEDED_BY_ADVISORY, advisoryId));
    }

    /**
     * The KEV hits a new advisory may supersede, or a new KEV entry's own that an advisory with versions already
     * decides: only about the advisory's CVEs, and nothing at all (a one-time check first) when no active advisory
     * with versions is about any of them. Without the bounds, re-importing a KEV catalogue on a platform where 50,000
     * assets ran a product it names looked at every KEV hit of those assets once per entry: more than the gateway's
     * 60 s for one catalogue.
     */
    private static final String SUPERSEDED_BY_ADVISORY = """
            exists (select 1 from advisory o where o.status = 'ACTIVE' and o.source_format <> 'KEV'
                    and o.cves && (select n.cves from advisory n where n.id = $1))
            and v.cves && (select n.cves from advisory n where n.id = $1)
            and k.asset_id in (select asset_id from exposure where advisory_id = $1
                               union select same.asset_id from affected_product r
                               """ + installationsOf("r", "same") + " on true" + """

                               where r.advisory_id = $1)""";

    /** Resolves what a revised advisory no longer finds; the reason names the revision. */
    public Uni<MatchReport> retireStale(SqlConnection connection, UUID advisoryId, String reason) {
        return announce(connection, RETIRE_STALE, Tuple.of(advisoryId, reason));
    }

    /** Closes what other advisories found where this one's VEX statements say "not affected". */
    public Uni<MatchReport> applyNotAffected(SqlConnection connection, UUID advisoryId) {
        return announce(connection, APPLY_NOT_AFFECTED, Tuple.of(advisoryId));
    }

    /** The CVEs an advisory's statements are about (read before a revision replaces them). */
    public Uni<List<String>> statementCves(SqlConnection connection, UUID advisoryId) {
        return connection
                .preparedQuery(STATEMENT_CVES)
                .execute(Tuple.of(advisoryId))
                .map(rows -> {
                    List<String> cves = new ArrayList<>();
                    rows.forEach(row -> cves.add(row.getString(0)));
                    return cves;
                });
    }

    /**
     * Statements of an advisory no longer hold (it is withdrawn, or revised; its rows are already changed): what
     * they closed and none still covers reopens as it was, and the other advisories about their CVEs ({@code cves},
     * read before) are matched again for what the statements had kept away.
     */
    public Uni<MatchReport> liftNotAffected(SqlConnection connection, UUID advisoryId, List<String> cves) {
        if (cves.isEmpty()) {
            return Uni.createFrom().item(MatchReport.NONE);
        }
        return announce(connection, LIFT_NOT_AFFECTED, Tuple.of(advisoryId))
                .flatMap(lifted -> write(
                                connection,
                                ADVISORY_HITS_OF_ADVISORIES + "where v.id <> $1 and v.cves && $2::text[]",
                                Tuple.of(advisoryId, cves.toArray(String[]::new)))
                        .map(lifted::plus));
    }

    /** The advisory's live exposures take the severity of its new revision; answers how many changed. */
    public Uni<Integer> followRevision(SqlConnection connection, UUID advisoryId) {
        return changes(connection, FOLLOW_REVISION, Tuple.of(advisoryId)).map(counts -> counts.getInteger("updated"));
    }

    /** Raises what versioned advisories found for the CVEs of a KEV entry; answers how many exposures changed. */
    public Uni<Integer> raiseKnownExploited(SqlConnection connection, UUID kevAdvisoryId) {
        return changes(connection, RAISE_EXPLOITED, Tuple.of(kevAdvisoryId))
                .map(counts -> counts.getInteger("updated"));
    }

    private Uni<Void> supersedeKev(SqlConnection connection, String scope, Object parameter) {
        return announce(connection, SUPERSEDE_KEV.formatted(scope), Tuple.of(parameter))
                .replaceWithVoid();
    }

    /**
     * A list counts as published once its upload is over and it has the lock, not when its import began: a hit that
     * an agency closed (or a withdrawal withdrew) while the list was being uploaded could not know it, and is reopened
     * by it ({@code kept} in {@link #UPSERT} compares this time with the hit's last change).
     */
    private static final String PUBLISHED_NOW = "update botnet_list set created_at = clock_timestamp() where id = $1";

    /** Every asset address and constituency range against one botnet list. */
    public Uni<MatchReport> matchBotnetList(SqlConnection connection, UUID listId) {
        return lock(connection, lockExclusive)
                .flatMap(locked -> connection.preparedQuery(PUBLISHED_NOW).execute(Tuple.of(listId)))
                .flatMap(published -> write(connection, LIST_HITS, Tuple.of(listId)));
    }

    /** One asset against every active advisory and botnet list. */
    public Uni<MatchReport> matchAsset(SqlConnection connection, UUID assetId) {
        return matchAssets(connection, List.of(assetId));
    }

    /**
     * The assets named on both sides of their join: with the installed products' side alone, the planner read the
     * whole asset replica into a hash table for every batch.
     */
    private static final String ASSETS_OF_THE_BATCH = "where p.asset_id = any($1) and a.id = any($1)";

    /**
     * Changed assets against every active advisory and botnet list, in one set-based pass per kind of hit (a
     * batch of asset events from inventory).
     */
    public Uni<MatchReport> matchAssets(SqlConnection connection, List<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return Uni.createFrom().item(MatchReport.NONE);
        }
        Object ids = assetIds.toArray(UUID[]::new);
        return lock(connection, LOCK_SHARED)
                .flatMap(locked -> write(connection, ADVISORY_HITS_OF_ASSETS + ASSETS_OF_THE_BATCH, Tuple.of(ids)))
                .flatMap(advisories -> write(connection, ASSET_LIST_HITS, Tuple.of(ids, activeDays))
                        .map(advisories::plus))
                .call(() -> announce(connection, SUPERSEDE_RANGE_HITS, Tuple.of(ids)))
                .call(() -> announce(connection, REVIVE_KEV, Tuple.of(ids)))
                // The batch is named on both sides of the join: the planner does not carry an array condition
                // across it, and without it sometimes hashed all of installed_product for each batch (2.2 s).
                .call(() -> supersedeKev(connection, "k.asset_id = any($1) and kp.asset_id = any($1)", ids));
    }

    /**
     * One organisation's constituency against every active botnet list. It takes the lock exclusively, as a
     * publication does: an asset batch running beside it could not see its new range hits, nor it the batch's assets,
     * and an address would be tracked twice (as the asset's and as the range's), with nothing to resolve the range hit
     * until the asset's matching inputs next changed.
     */
    public Uni<MatchReport> matchConstituency(SqlConnection connection, String organizationCode) {
        return lock(connection, lockExclusive)
                .flatMap(locked -> write(connection, CONSTITUENCY_HITS, Tuple.of(organizationCode, activeDays)));
    }

    /** Resolves the open exposures and hits to confirm of assets that inventory deleted. */
    public Uni<MatchReport> retireAssets(SqlConnection connection, List<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return Uni.createFrom().item(MatchReport.NONE);
        }
        return lock(connection, LOCK_SHARED)
                .flatMap(
                        locked -> announce(connection, RETIRE_ASSET, Tuple.of((Object) assetIds.toArray(UUID[]::new))));
    }

    /**
     * Closes the exposures of a withdrawn advisory ({@code botnetList} false) or botnet list, with the reason; answers
     * how many it closed. A list's hits that another active list names are handed over to it first, and not counted
     * ({@link #HAND_OVER}). What a withdrawn advisory held away from an asset (a KEV entry's name-only hit on a
     * product it named) is found again when the asset is matched again on request, by the asset's next event or
     * within seconds by {@code AssetRematching} ({@link #forgetAssetsNamedBy}).
     */
    public Uni<MatchReport> withdraw(
            SqlConnection connection, boolean botnetList, UUID id, String actor, String reason) {
        String sql = WITHDRAW.formatted(botnetList ? "botnet_list_id" : "advisory_id");
        if (botnetList) {
            return announce(connection, HAND_OVER, Tuple.of(id, activeDays))
                    .flatMap(handedOver -> announce(connection, sql, Tuple.of(id, actor, reason)));
        }
        return announce(connection, sql, Tuple.of(id, actor, reason)).call(() -> forgetAssetsNamedBy(connection, id));
    }

    /**
     * An asset is matched again only when its own matching inputs change (their digest); what changes beside it asks
     * for the assets it concerns to be matched again ({@code asset_rematch}: only inserted here, so that no lock is
     * taken on the assets' rows, which asset batches lock in their own order). The asset's next event or
     * {@code AssetRematching}, whichever comes first, takes the request. Here: the assets that install a product an
     * advisory names, before it is withdrawn or revised, when an active KEV entry is about one of its CVEs: the
     * advisory held that entry's name-only hit back or superseded it ({@link #REVIVE_KEV}), and may not any more.
     */
    private static final String FORGET_ASSETS_NAMED_BY = """
            insert into asset_rematch (asset_id)
            select distinct p.asset_id from affected_product r\s""" + installationsOf("r", "p") + """
             on true
            where r.advisory_id = $1
              and exists (select 1 from advisory k join advisory w on w.id = $1
                          where k.status = 'ACTIVE' and k.source_format = 'KEV' and k.id <> w.id and k.cves && w.cves)""";

    /** Called before an advisory is withdrawn or revised (see {@link #FORGET_ASSETS_NAMED_BY}). */
    public Uni<Void> forgetAssetsNamedBy(SqlConnection connection, UUID advisoryId) {
        return connection
                .preparedQuery(FORGET_ASSETS_NAMED_BY)
                .execute(Tuple.of(advisoryId))
                .replaceWithVoid();
    }

    private static Uni<Void> lock(SqlConnection connection, String statement) {
        return connection.query(statement).execute().replaceWithVoid();
    }

    private Uni<MatchReport> write(SqlConnection connection, String candidates, Tuple parameters) {
        String sql = UPSERT.formatted(candidates, REOPENABLE);
        return announce(connection, sql, parameters);
    }

    /**
     * Runs a statement whose last step {@code changed} holds the exposures it detected or changed (see
     * {@link #announcing}), recording their events in the same statement; answers how many were detected and how
     * many changed status (the updates that kept it are announced, and not counted here).
     */
    private Uni<MatchReport> announce(SqlConnection connection, String statement, Tuple parameters) {
        return changes(connection, statement, parameters)
                .map(counts -> new MatchReport(
                        Math.toIntExact(counts.getLong("detected")), Math.toIntExact(counts.getLong("changed"))));
    }

    /** Runs a statement as {@link #announce} does; answers its counts: detected, changed (status) and updated. */
    private Uni<Row> changes(SqlConnection connection, String statement, Tuple parameters) {
        String sql = statement + announcing.replace("$REQUEST_ID", "$" + (parameters.size() + 1));
        return connection
                .preparedQuery(sql)
                .execute(parameters.addString(RequestIdFilter.current()))
                .map(rows -> rows.iterator().next());
    }
}
