package vn.canhgac.incident.handling;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import vn.canhgac.commons.text.SearchText;

/**
 * The parameters of {@link IncidentStore}'s insert for new incidents: each incident's columns one array each, and
 * what they point at (affected organisations, observables, systems, assets) flattened, each row beside its
 * incident's id. One report is a list of one; a batch of botnet hits is many, in the same statement.
 */
final class NewIncidentRows {

    private final List<NewIncident> incidents;

    private NewIncidentRows(List<NewIncident> incidents) {
        this.incidents = incidents;
    }

    static Tuple of(List<NewIncident> incidents) {
        return new NewIncidentRows(incidents).tuple();
    }

    private Tuple tuple() {
        Tuple tuple = Tuple.tuple()
                .addArrayOfUUID(each(NewIncident::id, UUID[]::new))
                .addArrayOfString(texts(i -> i.ticket().reference()))
                .addArrayOfString(texts(NewIncident::reportingOrganization))
                .addArrayOfString(texts(NewIncident::reportingPath))
                .addArrayOfString(texts(i -> i.contact().name()))
                .addArrayOfString(texts(i -> i.contact().phone()))
                .addArrayOfString(texts(i -> i.contact().email()))
                .addArrayOfString(texts(i -> i.input().title()))
                .addArrayOfString(texts(i -> i.input().description()))
                .addArrayOfString(texts(i -> i.input().category().name()))
                .addArrayOfString(texts(i -> i.input().severity().name()))
                .addArrayOfOffsetDateTime(times(i -> i.input().detectedAt()))
                .addArrayOfOffsetDateTime(times(i -> i.reportedAt().atOffset(ZoneOffset.UTC)))
                .addArrayOfString(texts(i -> i.input().impact()))
                .addArrayOfString(texts(i -> i.input().scope()))
                .addArrayOfString(texts(i -> i.input().measuresTaken()))
                .addArrayOfString(texts(i -> i.input().supportRequested()))
                .addArrayOfString(texts(i -> i.tlp().name()))
                .addArrayOfOffsetDateTime(times(i -> i.firstResponseDue().atOffset(ZoneOffset.UTC)))
                .addArrayOfOffsetDateTime(times(i -> i.resolutionDue().atOffset(ZoneOffset.UTC)))
                .addArrayOfString(texts(i -> SearchText.foldAll(
                        i.ticket().reference(), i.input().title(), i.input().description())))
                .addArrayOfString(texts(NewIncident::actor));
        List<Pointed<String>> affected = pointed(i -> i.affected().keySet().stream());
        tuple.addArrayOfUUID(incidentsOf(affected))
                .addArrayOfString(affected.stream().map(Pointed::item).toArray(String[]::new))
                .addArrayOfString(affected.stream()
                        .map(a -> a.incident().affected().get(a.item()))
                        .toArray(String[]::new));
        List<Pointed<IncidentView.Observable>> observables = pointed(i -> i.observables().stream());
        tuple.addArrayOfUUID(incidentsOf(observables))
                .addArrayOfString(
                        observables.stream().map(o -> o.item().type().name()).toArray(String[]::new))
                .addArrayOfString(
                        observables.stream().map(o -> o.item().value()).toArray(String[]::new))
                .addArrayOfString(observables.stream().map(o -> o.item().tlp()).toArray(String[]::new));
        List<Pointed<IncidentView.AffectedSystem>> systems = pointed(i -> i.systems().stream());
        tuple.addArrayOfUUID(incidentsOf(systems))
                .addArrayOfUUID(systems.stream().map(s -> s.item().id()).toArray(UUID[]::new))
                .addArrayOfString(
                        systems.stream().map(s -> s.item().organization()).toArray(String[]::new))
                .addArrayOfString(systems.stream().map(s -> s.item().name()).toArray(String[]::new))
                .addArrayOfInteger(
                        systems.stream().map(s -> s.item().securityLevel()).toArray(Integer[]::new));
        List<Pointed<IncidentView.AffectedAsset>> assets = pointed(i -> i.assets().stream());
        return tuple.addArrayOfUUID(incidentsOf(assets))
                .addArrayOfUUID(assets.stream().map(a -> a.item().id()).toArray(UUID[]::new))
                .addArrayOfString(
                        assets.stream().map(a -> a.item().organization()).toArray(String[]::new))
                .addArrayOfString(assets.stream().map(a -> a.item().hostname()).toArray(String[]::new));
    }

    /** Something an incident points at, beside the incident. */
    private record Pointed<T>(NewIncident incident, T item) {}

    private <T> List<Pointed<T>> pointed(Function<NewIncident, Stream<T>> items) {
        return incidents.stream()
                .flatMap(incident -> items.apply(incident).map(item -> new Pointed<>(incident, item)))
                .toList();
    }

    private static UUID[] incidentsOf(List<? extends Pointed<?>> pointed) {
        return pointed.stream().map(p -> p.incident().id()).toArray(UUID[]::new);
    }

    private <T> T[] each(Function<NewIncident, T> column, IntFunction<T[]> array) {
        return incidents.stream().map(column).toArray(array);
    }

    private String[] texts(Function<NewIncident, String> column) {
        return each(column, String[]::new);
    }

    private OffsetDateTime[] times(Function<NewIncident, OffsetDateTime> column) {
        return each(column, OffsetDateTime[]::new);
    }
}
