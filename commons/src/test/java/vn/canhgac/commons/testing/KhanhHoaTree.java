package vn.canhgac.commons.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class of a consuming service that needs the Khánh Hòa tree in its replica: before its tests, a
 * producer is opened and the tree announced on {@code test.inventory.organizations}; after them, the producer is
 * closed. {@link #producer()} sends the class's own events meanwhile. Use with {@code @ExtendWith(KhanhHoaTree.class)}.
 */
public final class KhanhHoaTree implements BeforeAllCallback, AfterAllCallback {

    private static CloudEventsProducer producer;

    public static CloudEventsProducer producer() {
        return producer;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        producer = new CloudEventsProducer();
        OrganizationFeed.publishKhanhHoaTree(producer);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        producer.close();
        producer = null;
    }
}
