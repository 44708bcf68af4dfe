package vn.canhgac.advisory.botnet;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.canhgac.commons.csv.CsvRecords;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * CSV with a header row, after any {@code #} comment lines (abuse.ch's Feodo Tracker opens with a preamble and
 * names its address column {@code dst_ip}): the address in a column named {@code ip}, {@code address},
 * {@code network}, {@code cidr}, {@code ip_address}, {@code src_ip}, {@code dst_ip}, {@code ipv4} or {@code ipv6}
 * (the first there is: in a Shadowserver sinkhole report {@code src_ip} is the infected host, {@code dst_ip} the
 * sinkhole);
 * a label from {@code label}, {@code botnet}, {@code malware}, {@code family}, {@code infection} (Shadowserver),
 * {@code threat} or {@code tag} when present; other columns (first seen, ASN, country, ...) are ignored. An entry's row is the line
 * its record starts on; a record that cannot be read (a quote never closed) is a bad entry of that line, and the
 * lines after it are read as usual.
 */
final class CsvBotnetEntries extends EntryReader {

    private static final List<String> ADDRESS_COLUMNS =
            List.of("ip", "address", "network", "cidr", "ip_address", "src_ip", "dst_ip", "ipv4", "ipv6");
    private static final List<String> LABEL_COLUMNS =
            List.of("label", "botnet", "malware", "family", "infection", "threat", "tag");

    private final CsvRecords records;
    private final int addressColumn;
    private final int labelColumn;
    private final List<String> names;
    private CsvRecords.Record upcoming;

    CsvBotnetEntries(InputStream body) {
        this.records =
                new CsvRecords(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024));
        CsvRecords.Record header = nextData(records);
        if (header == null) {
            throw DomainProblem.invalidField("body", "csv-header-missing", String.join(",", ADDRESS_COLUMNS));
        }
        if (!header.readable()) {
            throw DomainProblem.invalidField("header", header.fault().messageKey(), header.faultArguments());
        }
        this.names = header.fields().stream()
                .map(name -> name.replace("\uFEFF", "")
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replace(' ', '_'))
                .toList();
        this.addressColumn = firstOf(names, ADDRESS_COLUMNS);
        if (addressColumn < 0) {
            throw DomainProblem.invalidField("header", "botnet-csv-address-column", String.join(",", ADDRESS_COLUMNS));
        }
        this.labelColumn = firstOf(names, LABEL_COLUMNS);
        upcoming = nextData(records);
    }

    /** The next record that is not a comment: feeds such as abuse.ch's open with a {@code #} preamble. */
    private static CsvRecords.Record nextData(CsvRecords records) {
        CsvRecords.Record record = records.next();
        while (record != null
                && record.readable()
                && !record.fields().isEmpty()
                && record.fields().getFirst().stripLeading().startsWith("#")) {
            record = records.next();
        }
        return record;
    }

    @Override
    protected BotnetEntry read() {
        if (upcoming == null) {
            return null;
        }
        CsvRecords.Record record = upcoming;
        upcoming = nextData(records);
        if (!record.readable()) {
            String column = record.faultField() >= 0 && record.faultField() < names.size()
                    ? names.get(record.faultField())
                    : "";
            return BotnetEntry.bad(
                    record.line(),
                    column,
                    record.fault().messageKey(),
                    String.valueOf(record.faultLine()),
                    String.valueOf(CsvRecords.MAX_RECORD_CHARS));
        }
        List<String> fields = record.fields();
        String address =
                addressColumn < fields.size() ? fields.get(addressColumn).strip() : "";
        String label = labelColumn >= 0
                        && labelColumn < fields.size()
                        && !fields.get(labelColumn).isBlank()
                ? fields.get(labelColumn).strip()
                : null;
        return BotnetEntry.read(record.line(), "ip", address, "label", label);
    }

    private static int firstOf(List<String> names, List<String> wanted) {
        for (String name : wanted) {
            int index = names.indexOf(name);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }
}
