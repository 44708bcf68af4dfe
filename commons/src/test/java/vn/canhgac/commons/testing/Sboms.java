package vn.canhgac.commons.testing;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** CycloneDX SBOMs and product lists as large as the platform's limits allow, for the tests at those limits. */
public final class Sboms {

    private Sboms() {}

    /** A CycloneDX 1.5 SBOM in JSON of the given components (JSON objects, comma-separated). */
    public static String cycloneDx(String components) {
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[" + components + "]}";
    }

    /**
     * {@code count} npm packages as CycloneDX components, each its own scope, name, version and package URL, and
     * with {@code withCpe} a CPE as well: the shape a Node.js application's SBOM has.
     */
    public static String npmPackages(int count, boolean withCpe) {
        String component = "{\"type\":\"library\",\"group\":\"@scope-%1$d\",\"name\":\"package-name-%1$d\","
                + "\"version\":\"1.2.%1$d\",\"purl\":\"pkg:npm/%%40scope-%1$d/package-name-%1$d@1.2.%1$d\""
                + (withCpe
                        ? ",\"cpe\":\"cpe:2.3:a:package-name-%1$d:package-name-%1$d:1.2.%1$d:*:*:*:*:node.js:*:*\""
                        : "")
                + "}";
        return IntStream.range(0, count).mapToObj(i -> component.formatted(i)).collect(Collectors.joining(","));
    }

    /**
     * {@code count} products whose three texts (the {@code %s} of {@code template}, in order: who makes it, its
     * name, its version) are {@code length} Vietnamese characters each, three bytes apiece in UTF-8: the widest
     * products the rules let an asset keep. The versions differ, so none is a duplicate.
     */
    public static String widestProducts(String template, int count, int length) {
        String wide = "ữ".repeat(length);
        return IntStream.range(0, count)
                .mapToObj(i -> template.formatted(wide, wide, (i + "." + wide).substring(0, length)))
                .collect(Collectors.joining(","));
    }
}
