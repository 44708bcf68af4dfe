package vn.canhgac.gateway.routing;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The gateway creates every request's id (or keeps a well-formed one from the caller) and passes it on. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "canhgac.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    public static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        if (id == null) {
            String incoming = rc.request().getHeader(HEADER);
            id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : randomUuid();
            rc.put(KEY, id);
        }
        return id;
    }

    /**
     * A version 4 UUID from the thread's own generator: an id names a request in logs and answers and guards nothing,
     * and {@code UUID.randomUUID()} took a lock on the shared secure generator for every request.
     */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(high, low).toString();
    }
}
