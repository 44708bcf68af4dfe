package vn.canhgac.advisory;

import static org.awaitility.Awaitility.await;
import static vn.canhgac.commons.contracts.EventContracts.ASSET_DELETED;
import static vn.canhgac.commons.contracts.EventContracts.ASSET_UPSERTED;
import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;
import static vn.canhgac.commons.testing.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.organization.OrganizationKind;
import vn.canhgac.commons.testing.CloudEventsProducer;
import vn.canhgac.commons.testing.OrganizationFeed;
import vn.canhgac.commons.testing.RunIds;

/**
 * Publishes inventory's events (organisations with their constituency, assets with addresses and products) to
 * the real broker, as inventory-service's outbox relay would, so that advisory-service builds its read model.
 */
public final class InventoryFeed implements AutoCloseable {

    /** An installed product as inventory announces it. */
    public record Product(String vendor, String product, String version, String cpe, String purl) {

        public static Product named(String vendor, String product, String version) {
            return new Product(vendor, product, version, null, null);
        }
    }

    private final CloudEventsProducer producer = new CloudEventsProducer();

    /** A run's own /24 in 100.64.0.0/10 (shared address space), so runs against one database do not meet. */
    public static String randomNetwork24() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Public space (45.64.0.0 - 45.127.255.255): botnet lists skip private, shared and documentation ranges.
        return "45." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + ".";
    }

    /** Waits until advisory-service's replica holds the organisation (its events are consumed apart from assets). */
    public static void awaitOrganization(String code) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/organizations/" + code)
                        .then()
                        .statusCode(200));
    }

    /** Waits until advisory-service's read model holds the asset (and has matched it). */
    public static void awaitAsset(UUID id) {
        awaitAsset(id, Duration.ofSeconds(30));
    }

    public static void awaitAsset(UUID id, Duration atMost) {
        await().atMost(atMost)
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + id)
                        .then()
                        .statusCode(200));
    }

    public static String unique(String prefix) {
        return prefix + "-" + RunIds.next(8).toUpperCase();
    }

    /** A feed with a unit of the demo's Khánh Hòa chain: {@code /UBND-KH/STTTT-KH/<unit>/}, without constituency. */
    public static InventoryFeed withUnitOfKhanhHoa(String unit) {
        InventoryFeed feed = new InventoryFeed();
        feed.organization("UBND-KH", "/UBND-KH/", 0, List.of());
        feed.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of());
        feed.organization(unit, "/UBND-KH/STTTT-KH/" + unit + "/", 0, List.of());
        return feed;
    }

    public void organization(String code, String path, long version, List<String> networks) {
        organization(code, path, version, networks, "AGENCY");
    }

    public void organization(String code, String path, long version, List<String> networks, String kind) {
        producer.publish(
                ORGANIZATION_UPSERTED,
                OrganizationFeed.withNetworks(
                        OrganizationFeed.organization(code, path, OrganizationKind.valueOf(kind), version, code),
                        networks));
    }

    public void asset(
            UUID id,
            String organization,
            String orgPath,
            String hostname,
            long version,
            List<String> addresses,
            List<Product> products) {
        asset(UUID.randomUUID().toString(), id, organization, orgPath, hostname, version, addresses, products, false);
    }

    public void asset(
            String eventId,
            UUID id,
            String organization,
            String orgPath,
            String hostname,
            long version,
            List<String> addresses,
            List<Product> products,
            boolean deleted) {
        producer.publish(
                deleted ? ASSET_DELETED : ASSET_UPSERTED,
                assetEvent(id, organization, orgPath, hostname, version, addresses, products, deleted),
                eventId);
    }

    /** An asset's event as inventory writes it: a Linux server, updated now. */
    public static AssetEvent assetEvent(
            UUID id,
            String organization,
            String orgPath,
            String hostname,
            long version,
            List<String> addresses,
            List<Product> products,
            boolean deleted) {
        return new AssetEvent(
                id,
                organization,
                orgPath,
                null,
                null,
                hostname,
                "SERVER",
                "Linux",
                null,
                addresses,
                products.stream()
                        .map(p -> new AssetEvent.Product(p.vendor(), p.product(), p.version(), p.cpe(), p.purl()))
                        .toList(),
                version,
                deleted,
                Instant.now());
    }

    @Override
    public void close() {
        producer.close();
    }
}
