package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * JSON lists of addresses: an array of objects (abuse.ch Feodo Tracker's {@code ipblocklist.json}) or one object
 * per line (Spamhaus's {@code drop_v4.json}, whose last line is a {@code "type": "metadata"} record, skipped). The
 * address in a field named {@code ip_address}, {@code ip}, {@code cidr}, {@code network}, {@code address} or
 * {@code ipv6}; a label from {@code malware}, {@code sblid}, {@code label}, {@code botnet} or {@code family}. An
 * entry's row is its position in the list, from 1.
 */
final class JsonBotnetEntries extends EntryReader {

    private static final List<String> ADDRESS_FIELDS =
            List.of("ip_address", "ip", "cidr", "network", "address", "ipv6");
    private static final List<String> LABEL_FIELDS = List.of("malware", "sblid", "label", "botnet", "family");

    private final JsonParser parser;
    private final boolean array;
    private long row;
    private boolean finished;

    JsonBotnetEntries(InputStream body, ObjectMapper json) {
        try {
            this.parser = json.getFactory().createParser(body);
            JsonToken first = parser.nextToken();
            this.array = first == JsonToken.START_ARRAY;
            if (!array && first != JsonToken.START_OBJECT) {
                throw DomainProblem.invalidField("body", "botnet-json-list");
            }
            if (array) {
                parser.nextToken();
            }
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "botnet-json-list");
        }
    }

    @Override
    protected BotnetEntry read() {
        BotnetEntry next = null;
        if (finished) {
            return null;
        }
        try {
            while (next == null && parser.currentToken() == JsonToken.START_OBJECT) {
                JsonNode entry = parser.readValueAsTree();
                row++;
                parser.nextToken();
                if (!"metadata".equals(entry.path("type").asText())) {
                    next = BotnetEntry.read(
                            row,
                            field(entry, ADDRESS_FIELDS),
                            text(entry, ADDRESS_FIELDS),
                            "label",
                            text(entry, LABEL_FIELDS));
                }
            }
            if (next == null) {
                // The end of the list, or something that is no object of it: said once, then nothing more is read.
                finished = true;
                if (parser.currentToken() != null && !(array && parser.currentToken() == JsonToken.END_ARRAY)) {
                    next = BotnetEntry.bad(row + 1, "body", "botnet-json-list");
                }
            }
        } catch (IOException e) {
            finished = true;
            next = BotnetEntry.bad(row + 1, "body", "botnet-json-list");
            closeQuietly();
        }
        return next;
    }

    private void closeQuietly() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the body is read to its end by the request anyway
        }
    }

    private static String field(JsonNode entry, List<String> names) {
        return names.stream().filter(entry::hasNonNull).findFirst().orElse(names.getFirst());
    }

    private static String text(JsonNode entry, List<String> names) {
        return names.stream()
                .filter(entry::hasNonNull)
                .map(name -> entry.get(name).asText())
                .findFirst()
                .orElse(null);
    }
}
