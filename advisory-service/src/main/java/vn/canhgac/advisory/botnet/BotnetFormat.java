package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.canhgac.commons.problem.DomainProblem;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;

/** The formats a botnet list comes in, told apart by the request's content type. */
public enum BotnetFormat {
    /** One address or CIDR per line; {@code #} starts a comment; a second word on the line is its label. */
    TEXT,
    /** A header row with an {@code ip} (or {@code address}, {@code network}, {@code cidr}) column, optional {@code label}. */
    CSV,
    /** A STIX 2.1 bundle: indicators with {@code [ipv4-addr:value = '…']} patterns, and ipv4-addr/ipv6-addr objects. */
    STIX;

    static BotnetFormat of(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            return TEXT;
        }
        if (type.startsWith("text/csv")) {
            return CSV;
        }
        if (type.startsWith("application/json") || type.startsWith("application/stix+json")) {
            return STIX;
        }
        throw DomainProblem.invalidField("Content-Type", "botnet-format", contentType);
    }

    Iterator<BotnetEntry> entries(InputStream body, ObjectMapper json) {
        return switch (this) {
            case TEXT -> new TextBotnetEntries(body);
            case CSV -> new CsvBotnetEntries(body);
            case STIX -> new StixBotnetEntries(body, json);
        };
    }
}
