package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * A STIX 2.1 bundle, read one object at a time (a bundle of a million indicators is never held whole; its address
 * observables are, until its end, and its last 10,000 indicators, so that a later version of one replaces it).
 * Taken: indicators whose {@code pattern_type} is {@code stix} and whose pattern compares {@code ipv4-addr:value},
 * {@code ipv6-addr:value}, {@code network-traffic:dst_ref.value}/{@code src_ref.value} or
 * {@code domain-name:resolves_to_refs[*].value} ({@code =}, {@code ISSUBSET} or {@code IN (...)}, several joined by
 * OR or AND count each), labelled with the indicator's name; and {@code ipv4-addr}/{@code ipv6-addr} observables that
 * are neither context of an {@code observed-data} nor based on a lapsed indicator. An indicator that is revoked,
 * benign, past its {@code valid_until} or before its {@code valid_from} is skipped with that reason. Other objects
 * (malware, URL indicators) are not addresses and are passed over.
 */
final class StixBotnetEntries implements Iterator<BotnetEntry> {

    private static final String ADDRESS_PROPERTY = "(?:ipv[46]-addr:value|network-traffic:(?:dst|src)_ref\\.value"
            + "|domain-name:resolves_to_refs\\[\\*]\\.value)";
    private static final String QUOTED = "'((?:[^'\\\\]|\\\\.)*)'";
    private static final Pattern ADDRESS_COMPARISON =
            Pattern.compile(ADDRESS_PROPERTY + "\\s*(?:=|ISSUBSET)\\s*" + QUOTED);
    private static final Pattern ADDRESS_SET = Pattern.compile(ADDRESS_PROPERTY + "\\s+IN\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED_VALUE = Pattern.compile(QUOTED);

    private static final int VERSION_WINDOW = 10_000;

    private final JsonParser parser;
    private final Deque<BotnetEntry> pending = new ArrayDeque<>();
    private long index;
    private boolean inObjects;
    private boolean done;
    private boolean sawBundle;
    private final Instant now = Instant.now();
    /** Observables wait for the end of the bundle: whether they are context or indicators' evidence shows later. */
    private final Map<String, BotnetEntry> observables = new LinkedHashMap<>();

    private final Set<String> context = new HashSet<>();
    private final Set<String> lapsedIndicators = new HashSet<>();
    private final Map<String, String> basedOn = new HashMap<>();
    private final LinkedHashMap<String, Version> versions = new LinkedHashMap<>();

    /** One version of an indicator: when it was modified, what it says. */
    private record Version(Instant modified, List<BotnetEntry> entries) {}

    StixBotnetEntries(InputStream body, ObjectMapper json) {
        try {
            this.parser = json.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw DomainProblem.invalidField("body", "stix-bundle-expected");
            }
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "stix-bundle-expected");
        }
        fill();
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    @Override
    public BotnetEntry next() {
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        BotnetEntry entry = pending.removeFirst();
        if (pending.isEmpty()) {
            fill();
        }
        return entry;
    }

    private void fill() {
        try {
            while (pending.isEmpty() && !done) {
                if (inObjects) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inObjects = false;
                        releaseIndicators();
                        releaseObservables();
                    } else {
                        index++;
                        read(parser.readValueAsTree());
                    }
                    continue;
                }
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_OBJECT) {
                    done = true;
                    if (!sawBundle) {
                        throw DomainProblem.invalidField("type", "stix-bundle-expected");
                    }
                } else if (token == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("objects") && value == JsonToken.START_ARRAY) {
                        inObjects = true;
                    } else if (field.equals("type")) {
                        sawBundle = "bundle".equals(parser.getValueAsString());
                        if (!sawBundle) {
                            throw DomainProblem.invalidField("type", "stix-bundle-expected");
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            pending.add(BotnetEntry.bad(index, "objects[" + index + "]", "stix-malformed", String.valueOf(index)));
            done = true;
        }
    }

    private void read(JsonNode object) {
        String type = object.path("type").asText();
        String at = "objects[" + (index - 1) + "]";
        if (type.equals("ipv4-addr") || type.equals("ipv6-addr")) {
            observables.put(
                    object.path("id").asText("#" + index),
                    BotnetEntry.read(index, at + ".value", object.path("value").asText(""), null, null));
        } else if (type.equals("observed-data")) {
            object.path("object_refs").forEach(ref -> context.add(ref.asText()));
        } else if (type.equals("relationship")
                && object.path("relationship_type").asText().equals("based-on")) {
            basedOn.put(
                    object.path("target_ref").asText(),
                    object.path("source_ref").asText());
        } else if (type.equals("indicator")
                && object.path("pattern_type").asText("stix").equals("stix")) {
            Instant modified = instant(object.path("modified"));
            hold(
                    object.path("id").asText("#" + index),
                    modified == null ? Instant.MIN : modified,
                    lapsed(object) != null,
                    indicatorEntries(object, at));
        }
    }

    /** What one version of an indicator says: its entries, or why it says nothing (revoked, expired, benign). */
    private List<BotnetEntry> indicatorEntries(JsonNode indicator, String at) {
        String lapsed = lapsed(indicator);
        if (lapsed != null) {
            return List.of(
                    BotnetEntry.skip(index, at, lapsed, indicator.path("id").asText("")));
        }
        List<BotnetEntry> entries = new ArrayList<>();
        String pattern = indicator.path("pattern").asText("");
        String name = indicator.path("name").asText(null);
        for (Matcher comparison = ADDRESS_COMPARISON.matcher(pattern); comparison.find(); ) {
            entries.add(BotnetEntry.read(index, at + ".pattern", comparison.group(1), at + ".name", name));
        }
        for (Matcher set = ADDRESS_SET.matcher(pattern); set.find(); ) {
            for (Matcher value = QUOTED_VALUE.matcher(set.group(1)); value.find(); ) {
                entries.add(BotnetEntry.read(index, at + ".pattern", value.group(1), at + ".name", name));
            }
        }
        if (entries.isEmpty() && pattern.contains("-addr:value")) {
            entries.add(BotnetEntry.bad(index, at + ".pattern", "stix-pattern", pattern));
        }
        return entries;
    }

    /**
     * Holds an indicator's version among the last {@link #VERSION_WINDOW} indicators read: a later version of the
     * same id (a TAXII answer with every version) replaces it, an older one is dropped. Beyond the window an
     * indicator's entries go to the list (a bundle is never held whole).
     */
    private void hold(String id, Instant modified, boolean lapsed, List<BotnetEntry> entries) {
        Version held = versions.get(id);
        if (held != null && held.modified().compareTo(modified) >= 0) {
            return;
        }
        versions.put(id, new Version(modified, entries));
        if (lapsed) {
            lapsedIndicators.add(id);
        } else {
            lapsedIndicators.remove(id);
        }
        if (versions.size() > VERSION_WINDOW) {
            var eldest = versions.entrySet().iterator();
            pending.addAll(eldest.next().getValue().entries());
            eldest.remove();
        }
    }

    private void releaseIndicators() {
        versions.values().forEach(version -> pending.addAll(version.entries()));
        versions.clear();
    }

    /**
     * The bundle's address observables, once it is read: an observable that is only context of an observation
     * ({@code observed-data}, as MISP exports attributes not meant for blocking) or the evidence an indicator was
     * based on which is revoked, expired or benign is skipped with that reason; the others are entries.
     */
    private void releaseObservables() {
        observables.forEach((id, entry) -> {
            String indicator = basedOn.get(id);
            if (context.contains(id)) {
                pending.add(BotnetEntry.skip(entry.row(), "objects", "stix-context-only", id));
            } else if (indicator != null && lapsedIndicators.contains(indicator)) {
                pending.add(BotnetEntry.skip(entry.row(), "objects", "stix-indicator-lapsed", id, indicator));
            } else {
                pending.add(entry);
            }
        });
        observables.clear();
    }

    /** Why an indicator no longer (or not yet) says anything: revoked, past {@code valid_until}, before {@code valid_from}. */
    private String lapsed(JsonNode indicator) {
        if (indicator.path("revoked").asBoolean(false)) {
            return "stix-revoked";
        }
        for (JsonNode type : indicator.path("indicator_types")) {
            if (type.asText().equals("benign")) {
                return "stix-benign";
            }
        }
        Instant until = instant(indicator.path("valid_until"));
        if (until != null && until.isBefore(now)) {
            return "stix-expired";
        }
        Instant from = instant(indicator.path("valid_from"));
        return from != null && from.isAfter(now) ? "stix-not-yet-valid" : null;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
