package vn.canhgac.inventory.asset;

import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import vn.canhgac.commons.csv.CsvDocument;
import vn.canhgac.commons.csv.CsvRecords;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.text.TextInput;

/**
 * Assets from a CSV file with a header row. Columns (any order, case-insensitive, unknown ones refused):
 * organization, external_id, hostname, kind, operating_system, system_id, last_seen, addresses (separated by
 * spaces or semicolons), products (entries separated by semicolons, each vendor|product|version|cpe|purl).
 * A record that cannot be read (a quote never closed) and a field with a character no text may hold (NUL, an
 * unpaired surrogate) are errors of their row, named by column; the rows after them are read as usual.
 */
final class CsvAssetRows implements Iterator<ImportRow> {

    static final List<String> COLUMNS = List.of(
            "organization",
            "external_id",
            "hostname",
            "kind",
            "operating_system",
            "system_id",
            "last_seen",
            "addresses",
            "products");

    private final CsvRecords records;
    private final Map<String, Integer> columns = new HashMap<>();
    private CsvRecords.Record next;
    private long number;

    CsvAssetRows(Reader reader) {
        this.records = new CsvRecords(reader);
        CsvRecords.Record first = records.next();
        if (first == null) {
            throw DomainProblem.invalidField("body", "csv-header-missing", String.join(",", COLUMNS));
        }
        if (!first.readable()) {
            throw DomainProblem.invalidField("header", first.fault().messageKey(), first.faultArguments());
        }
        List<String> header = first.fields();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace('-', '_')
                    .replace(' ', '_');
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                throw DomainProblem.invalidField(
                        "header", "csv-unknown-column", header.get(i), String.join(",", COLUMNS));
            }
            columns.put(name, i);
        }
        next = records.next();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ImportRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        CsvRecords.Record record = next;
        next = records.next();
        number++;
        if (!record.readable()) {
            return new ImportRow(
                    number,
                    null,
                    List.of(new Violation(
                            columnAt(record.faultField()), record.fault().messageKey(), record.faultArguments())));
        }
        List<String> fields = record.fields();
        List<Violation> unreadable = new ArrayList<>();
        for (String column : COLUMNS) {
            Integer index = columns.get(column);
            if (index != null && index < fields.size() && !TextInput.isClean(fields.get(index))) {
                unreadable.add(new Violation(column, "bad-characters"));
            }
        }
        AssetInput input = new AssetInput(
                field(fields, "organization"),
                field(fields, "external_id"),
                field(fields, "hostname"),
                field(fields, "kind"),
                field(fields, "operating_system"),
                uuid(field(fields, "system_id"), unreadable),
                timestamp(field(fields, "last_seen"), unreadable),
                addresses(field(fields, "addresses")),
                products(field(fields, "products")));
        return new ImportRow(number, input, unreadable);
    }

    /** The name of a column by its index, as the header wrote it (normalised); empty beyond the header. */
    private String columnAt(int index) {
        return columns.entrySet().stream()
                .filter(column -> column.getValue() == index)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("");
    }

    private String field(List<String> fields, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = CsvDocument.unguarded(fields.get(index).strip());
        return value.isEmpty() ? null : value;
    }

    private static UUID uuid(String text, List<Violation> unreadable) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            unreadable.add(new Violation("system_id", "bad-uuid", text));
            return null;
        }
    }

    private static OffsetDateTime timestamp(String text, List<Violation> unreadable) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            unreadable.add(new Violation("last_seen", "bad-timestamp", text));
            return null;
        }
    }

    private static List<String> addresses(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s;]+"))
                .filter(part -> !part.isEmpty())
                .toList();
    }

    private static List<ProductInput> products(String text) {
        if (text == null) {
            return List.of();
        }
        List<ProductInput> products = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("\\|", -1);
            products.add(
                    new ProductInput(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4)));
        }
        return products;
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isBlank() ? parts[index].strip() : null;
    }
}
