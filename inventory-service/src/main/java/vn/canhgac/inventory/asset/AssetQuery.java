package vn.canhgac.inventory.asset;

import jakarta.ws.rs.QueryParam;
import java.util.UUID;

/** The filters of the asset list as callers send them, for a page of JSON and a CSV export alike. */
public class AssetQuery {

    @QueryParam("organization")
    String organization;

    @QueryParam("systemId")
    UUID systemId;

    @QueryParam("kind")
    String kind;

    @QueryParam("ip")
    String ip;

    @QueryParam("vendor")
    String vendor;

    @QueryParam("product")
    String product;

    @QueryParam("version")
    String version;

    @QueryParam("q")
    String query;

    @QueryParam("sort")
    String sort;

    AssetFilter filter() {
        return new AssetFilter(organization, systemId, kind, ip, vendor, product, version, query, sort);
    }
}
