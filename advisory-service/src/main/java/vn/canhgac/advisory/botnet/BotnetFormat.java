package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * The formats a botnet list comes in, told apart by the request's content type; {@code application/json} is a
 * STIX bundle or a JSON list, told apart by the document's first fields.
 */
public enum BotnetFormat {
    /** One address or CIDR per line; {@code #} starts a comment; a second word on the line is its label. */
    TEXT,
    /** A header row with an {@code ip} (or {@code address}, {@code network}, {@code cidr}) column, optional {@code label}. */
    CSV,
    /** A STIX 2.1 bundle: indicators with {@code [ipv4-addr:value = '…']} patterns, and ipv4-addr/ipv6-addr objects. */
    STIX,
    /** A JSON array of objects, or one object per line, each with an address field ({@link JsonBotnetEntries}). */
    JSON_LIST,
    /** {@code application/json}: a STIX bundle or a JSON list, read after a look at the start of the document. */
    JSON;

    /** How much of a JSON document is kept to look at its start: its first fields come long before. */
    private static final int SNIFF_LIMIT = 1 << 20;

    static BotnetFormat of(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            return TEXT;
        }
        if (type.startsWith("text/csv")) {
            return CSV;
        }
        if (type.startsWith("application/stix+json")) {
            return STIX;
        }
        if (type.startsWith("application/json") || type.startsWith("application/x-ndjson")) {
            return JSON;
        }
        throw DomainProblem.invalidField("Content-Type", "botnet-format", contentType);
    }

    Iterator<BotnetEntry> entries(InputStream body, ObjectMapper json) {
        return switch (this) {
            case TEXT -> new TextBotnetEntries(body);
            case CSV -> new CsvBotnetEntries(body);
            case STIX -> new StixBotnetEntries(body, json);
            case JSON_LIST -> new JsonBotnetEntries(body, json);
            case JSON -> {
                InputStream buffered = new BufferedInputStream(body, 64 * 1024);
                buffered.mark(SNIFF_LIMIT);
                boolean bundle = isStixBundle(buffered, json);
                reset(buffered);
                yield (bundle ? STIX : JSON_LIST).entries(buffered, json);
            }
        };
    }

    /** The format a reader reads: what a list is stored as ({@code application/json} is STIX or a JSON list). */
    static BotnetFormat readBy(Iterator<BotnetEntry> entries) {
        return switch (entries) {
            case StixBotnetEntries stix -> STIX;
            case JsonBotnetEntries list -> JSON_LIST;
            case CsvBotnetEntries csv -> CSV;
            default -> TEXT;
        };
    }

    /** Whether the document is one object whose first fields say it is a STIX bundle (type, or its objects). */
    private static boolean isStixBundle(InputStream body, ObjectMapper json) {
        try {
            JsonParser parser = json.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("objects") || (field.equals("type") && "bundle".equals(parser.getValueAsString()))) {
                    return true;
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void reset(InputStream buffered) {
        try {
            buffered.reset();
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "botnet-json-list");
        }
    }
}
