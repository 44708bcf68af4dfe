package vn.canhgac.inventory.asset;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.csv.CsvExport;

/**
 * Assets as the CSV an import reads ({@link CsvAssetRows}): the same columns, addresses separated by semicolons,
 * products as {@code vendor|product|version|cpe|purl} separated by semicolons. An agency edits the file in a
 * spreadsheet and imports it again; the natural key (organisation and external id, else hostname) finds each asset.
 */
final class AssetCsv {

    private AssetCsv() {}

    static Multi<String> of(long limit, Uni<List<UUID>> ids, Function<List<UUID>, Uni<List<StoredAsset>>> rows) {
        return CsvExport.of(CsvAssetRows.COLUMNS, row -> cells(row.details()), limit, ids, rows);
    }

    static List<?> cells(AssetDetails asset) {
        return Arrays.asList(
                asset.organizationCode(),
                asset.externalId(),
                asset.hostname(),
                asset.kind().name().toLowerCase(Locale.ROOT),
                asset.operatingSystem(),
                asset.systemId(),
                asset.lastSeen(),
                String.join(";", asset.addresses()),
                asset.products().stream().map(AssetCsv::product).collect(Collectors.joining(";")));
    }

    private static String product(AssetEvent.Product product) {
        return Stream.of(product.vendor(), product.product(), product.version(), product.cpe(), product.purl())
                .map(part -> Objects.toString(part, ""))
                .collect(Collectors.joining("|"));
    }
}
