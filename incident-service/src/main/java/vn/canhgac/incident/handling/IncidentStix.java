package vn.canhgac.incident.handling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An incident as a STIX 2.1 bundle for other CERTs: the reporting organisation (identity), the incident, one
 * indicator per observable (with its TLP as a marking), a relationship "indicates" from each indicator to the
 * incident, and a sighting of each indicator by the reporting organisation. Ids are derived from the incident's
 * id, so exporting twice gives the same objects.
 */
final class IncidentStix {

    private static final String SPEC = "2.1";

    private IncidentStix() {}

    static ObjectNode bundle(ObjectMapper json, IncidentView incident) {
        ObjectNode bundle =
                json.createObjectNode().put("type", "bundle").put("id", id("bundle", incident.id(), "bundle"));
        ArrayNode objects = bundle.putArray("objects");
        String created = incident.reportedAt().toString();
        String identity = id("identity", incident.id(), incident.reportingOrganization());
        objects.addObject()
                .put("type", "identity")
                .put("spec_version", SPEC)
                .put("id", identity)
                .put("created", created)
                .put("modified", created)
                .put("name", incident.reportingOrganization())
                .put("identity_class", "organization");
        String incidentId = id("incident", incident.id(), "incident");
        ObjectNode stixIncident = objects.addObject()
                .put("type", "incident")
                .put("spec_version", SPEC)
                .put("id", incidentId)
                .put("created", created)
                .put("modified", Instant.now().toString())
                .put("name", incident.reference() + ": " + incident.title())
                .put("description", incident.description() == null ? "" : incident.description())
                .put("created_by_ref", identity);
        stixIncident
                .putArray("labels")
                .add(incident.category().name().toLowerCase(Locale.ROOT))
                .add(incident.severity().name().toLowerCase(Locale.ROOT))
                .add(incident.status().name().toLowerCase(Locale.ROOT));
        for (IncidentView.Observable observable : incident.observables()) {
            String indicator = id("indicator", incident.id(), observable.type() + ":" + observable.value());
            ObjectNode node = objects.addObject()
                    .put("type", "indicator")
                    .put("spec_version", SPEC)
                    .put("id", indicator)
                    .put("created", created)
                    .put("modified", created)
                    .put("name", observable.type() + " " + observable.value())
                    .put("pattern", pattern(observable))
                    .put("pattern_type", "stix")
                    .put("valid_from", incident.detectedAt().toString())
                    .put("created_by_ref", identity);
            node.putArray("indicator_types").add("malicious-activity");
            node.putArray("labels")
                    .add("tlp:" + observable.tlp().toLowerCase(Locale.ROOT).replace('_', '+'));
            objects.addObject()
                    .put("type", "relationship")
                    .put("spec_version", SPEC)
                    .put("id", id("relationship", incident.id(), indicator))
                    .put("created", created)
                    .put("modified", created)
                    .put("relationship_type", "indicates")
                    .put("source_ref", indicator)
                    .put("target_ref", incidentId);
            ObjectNode sighting = objects.addObject()
                    .put("type", "sighting")
                    .put("spec_version", SPEC)
                    .put("id", id("sighting", incident.id(), indicator))
                    .put("created", created)
                    .put("modified", created)
                    .put("first_seen", incident.detectedAt().toString())
                    .put("sighting_of_ref", indicator)
                    .put("created_by_ref", identity);
            sighting.putArray("where_sighted_refs").add(identity);
        }
        return bundle;
    }

    private static String pattern(IncidentView.Observable observable) {
        String value = observable.value().replace("\\", "\\\\").replace("'", "\\'");
        return switch (observable.type()) {
            case IP ->
                "[" + (observable.value().contains(":") ? "ipv6-addr" : "ipv4-addr") + ":value = '" + value + "']";
            case DOMAIN -> "[domain-name:value = '" + value + "']";
            case URL -> "[url:value = '" + value + "']";
            case EMAIL -> "[email-addr:value = '" + value + "']";
            case HASH -> "[file:hashes.'" + hashName(observable.value()) + "' = '" + value + "']";
        };
    }

    private static String hashName(String hex) {
        return switch (hex.length()) {
            case 32 -> "MD5";
            case 40 -> "SHA-1";
            case 64 -> "SHA-256";
            default -> "SHA-512";
        };
    }

    private static String id(String type, UUID incident, String name) {
        return type + "--"
                + UUID.nameUUIDFromBytes((incident + "/" + type + "/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
