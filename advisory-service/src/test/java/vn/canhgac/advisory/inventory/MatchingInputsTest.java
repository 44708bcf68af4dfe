package vn.canhgac.advisory.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.contracts.AssetEvent;

/** The digest of what matching reads of an asset: what moves it and what does not. */
class MatchingInputsTest {

    private static final UUID ID = UUID.randomUUID();
    private static final AssetEvent.Product OPENSSH = new AssetEvent.Product("OpenBSD", "OpenSSH", "9.3p1", null, null);
    private static final AssetEvent.Product LOG4J =
            new AssetEvent.Product(null, null, null, null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");

    private static AssetEvent asset(
            String org,
            String hostname,
            long version,
            List<String> addresses,
            List<AssetEvent.Product> products,
            boolean deleted) {
        return asset(org, "/UBND-KH/" + org + "/", hostname, version, addresses, products, deleted);
    }

    private static AssetEvent asset(
            String org,
            String path,
            String hostname,
            long version,
            List<String> addresses,
            List<AssetEvent.Product> products,
            boolean deleted) {
        return new AssetEvent(
                ID,
                org,
                path,
                null,
                "ext-1",
                hostname,
                "SERVER",
                "Linux",
                Instant.now(),
                addresses,
                products,
                version,
                deleted,
                Instant.now());
    }

    private static String digest(AssetEvent asset) {
        return MatchingInputs.of(asset).digest();
    }

    @Test
    void theOrderOfTheAddressesLeavesTheDigest() {
        assertEquals(
                digest(asset("SO-A", "h", 0, List.of("45.64.1.1", "45.64.1.2"), List.of(), false)),
                digest(asset("SO-A", "h", 0, List.of("45.64.1.2", "45.64.1.1"), List.of(), false)));
    }

    @Test
    void aNewVersionHostnameOrTimeLeavesTheDigest() {
        String first = digest(asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(OPENSSH, LOG4J), false));
        assertEquals(
                first, digest(asset("SO-A", "web-renamed", 7, List.of("45.64.1.1"), List.of(OPENSSH, LOG4J), false)));
    }

    @Test
    void whatMatchingReadsMovesTheDigest() {
        AssetEvent base = asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(OPENSSH, LOG4J), false);
        String digest = digest(base);
        assertNotEquals(
                digest, digest(asset("SO-B", "web-1", 0, List.of("45.64.1.1"), List.of(OPENSSH, LOG4J), false)));
        assertNotEquals(
                digest, digest(asset("SO-A", "web-1", 0, List.of("45.64.1.2"), List.of(OPENSSH, LOG4J), false)));
        assertNotEquals(
                digest, digest(asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(LOG4J, OPENSSH), false)));
        assertNotEquals(digest, digest(asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(OPENSSH), false)));
        assertNotEquals(digest, digest(asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(OPENSSH, LOG4J), true)));
        AssetEvent.Product patched = new AssetEvent.Product("OpenBSD", "OpenSSH", "9.8p1", null, null);
        assertNotEquals(
                digest, digest(asset("SO-A", "web-1", 0, List.of("45.64.1.1"), List.of(patched, LOG4J), false)));
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        assertNotEquals(
                digest(asset("SO-A", "/X/", "h", 0, List.of(), List.of(), false)),
                digest(asset("SO-A/", "X/", "h", 0, List.of(), List.of(), false)));
        assertNotEquals(
                digest(asset("SO-A", null, "h", 0, List.of(), List.of(), false)),
                digest(asset("SO-A", "", "h", 0, List.of(), List.of(), false)));
        AssetEvent.Product ab = new AssetEvent.Product("a", "bc", "1", null, null);
        AssetEvent.Product abc = new AssetEvent.Product("ab", "c", "1", null, null);
        assertNotEquals(
                digest(asset("SO-A", "h", 0, List.of(), List.of(ab), false)),
                digest(asset("SO-A", "h", 0, List.of(), List.of(abc), false)));
        assertNotEquals(
                digest(asset("SO-A", "h", 0, List.of("45.64.1.1", "45.64.1.2"), List.of(), false)),
                digest(asset("SO-A", "h", 0, List.of("45.64.1.1"), List.of(), false)));
    }

    @Test
    void aDeletedAssetHasNoPartsToMatch() {
        MatchingInputs deleted = MatchingInputs.of(asset("SO-A", "h", 3, List.of("45.64.1.1"), List.of(OPENSSH), true));
        assertEquals(List.of(), deleted.addresses());
        assertEquals(List.of(), deleted.products());
    }

    @Test
    void eachProductIsListedUnderEveryIdentityAtItsPosition() {
        MatchingInputs inputs = MatchingInputs.of(asset("SO-A", "h", 0, List.of(), List.of(OPENSSH, LOG4J), false));
        assertEquals(0, inputs.products().getFirst().position());
        assertEquals(1, inputs.products().getLast().position());
        assertEquals("2.14.1", inputs.products().getLast().version());
    }
}
