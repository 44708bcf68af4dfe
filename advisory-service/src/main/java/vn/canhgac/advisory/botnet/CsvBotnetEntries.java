package vn.canhgac.advisory.botnet;

import vn.canhgac.commons.csv.CsvRecords;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.problem.DomainProblem;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * CSV with a header row: the address in a column named {@code ip}, {@code address}, {@code network},
 * {@code cidr} or {@code ip_address}; a label from {@code label}, {@code botnet}, {@code malware} or
 * {@code family} when present; other columns (first seen, ASN, country, ...) are ignored.
 */
final class CsvBotnetEntries implements Iterator<BotnetEntry> {

    private static final List<String> ADDRESS_COLUMNS = List.of("ip", "address", "network", "cidr", "ip_address");
    private static final List<String> LABEL_COLUMNS = List.of("label", "botnet", "malware", "family");

    private final CsvRecords records;
    private final int addressColumn;
    private final int labelColumn;
    private List<String> next;
    private long row = 1;

    CsvBotnetEntries(InputStream body) {
        this.records = new CsvRecords(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024));
        List<String> header = records.next();
        if (header == null) {
            throw DomainProblem.invalidField("body", "csv-header-missing", String.join(",", ADDRESS_COLUMNS));
        }
        List<String> names = header.stream()
                .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        this.addressColumn = firstOf(names, ADDRESS_COLUMNS);
        if (addressColumn < 0) {
            throw DomainProblem.invalidField("header", "botnet-csv-address-column", String.join(",", ADDRESS_COLUMNS));
        }
        this.labelColumn = firstOf(names, LABEL_COLUMNS);
        next = records.next();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public BotnetEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        List<String> fields = next;
        row++;
        next = records.next();
        String address = addressColumn < fields.size() ? fields.get(addressColumn).strip() : "";
        String label = labelColumn >= 0 && labelColumn < fields.size() && !fields.get(labelColumn).isBlank()
                ? fields.get(labelColumn).strip() : null;
        long at = row;
        return IpNetworks.network(address).map(network -> BotnetEntry.of(at, network, label))
                .orElseGet(() -> BotnetEntry.bad(at, "ip", "bad-network", address));
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
