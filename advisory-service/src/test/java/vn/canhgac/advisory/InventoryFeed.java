package vn.canhgac.advisory;

import static org.awaitility.Awaitility.await;
import static vn.canhgac.commons.testing.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import vn.canhgac.commons.testing.CloudEventsProducer;
import vn.canhgac.commons.testing.OrganizationFeed;

/**
 * Publishes inventory's events (organisations with their constituency, assets with addresses and products) to
 * the real broker, as inventory-service's outbox relay would, so that advisory-service builds its read model.
 */
public final class InventoryFeed implements AutoCloseable {

    public static final String ORGANIZATIONS = "test.inventory.organizations";
    public static final String ASSETS = "test.inventory.assets";

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
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
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
        OrganizationFeed.publish(
                producer,
                code,
                path,
                kind,
                version,
                ",\"contacts\":[],\"constituency\":{\"networks\":["
                        + networks.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","))
                        + "],\"asns\":[]}");
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
        String json = """
                {"id":"%s","organizationCode":"%s","orgPath":"%s","systemId":null,"externalId":null,"hostname":"%s",
                 "kind":"SERVER","operatingSystem":"Linux","lastSeen":null,"addresses":[%s],"products":[%s],
                 "version":%d,"deleted":%s,"updatedAt":"%s"}""".formatted(
                        id,
                        organization,
                        orgPath,
                        hostname,
                        addresses.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")),
                        products.stream().map(InventoryFeed::json).collect(Collectors.joining(",")),
                        version,
                        deleted,
                        Instant.now());
        producer.send(
                ASSETS,
                id.toString(),
                eventId,
                deleted ? "canhgac.asset.deleted.v1" : "canhgac.asset.upserted.v1",
                json);
    }

    private static String json(Product p) {
        return "{\"vendor\":%s,\"product\":%s,\"version\":%s,\"cpe\":%s,\"purl\":%s}"
                .formatted(quote(p.vendor()), quote(p.product()), quote(p.version()), quote(p.cpe()), quote(p.purl()));
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    @Override
    public void close() {
        producer.close();
    }
}
