package vn.canhgac.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.canhgac.gateway.routing.RouteTable;

/**
 * One OpenAPI document for the whole API at {@code /openapi}: the services' own documents, merged. A service that
 * is down is left out (and named in {@code x-canhgac-missing}) rather than failing the whole document.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final RouteTable routes;
    private final HttpClient client;
    private final ObjectMapper json;

    public MergedOpenApi(RouteTable routes, Vertx vertx, ObjectMapper json) {
        this.routes = routes;
        this.client = vertx.createHttpClient();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get("/openapi").handler(this::serve);
    }

    void serve(RoutingContext rc) {
        List<Uni<JsonNode>> documents = routes.routes().entrySet().stream()
                .map(route -> fetch(route.getKey(), route.getValue().managementUrl()))
                .toList();
        Uni.join()
                .all(documents)
                .andCollectFailures()
                .map(fetched -> merge(json, fetched))
                .subscribe()
                .with(
                        merged -> rc.response()
                                .putHeader("Content-Type", "application/json")
                                .end(merged.toString()),
                        rc::fail);
    }

    private Uni<JsonNode> fetch(String service, String baseUrl) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl + "/q/openapi?format=json")
                .setIdleTimeout(5_000);
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(HttpClientResponse::body)
                .map(this::parse)
                .map(document -> (JsonNode) ((ObjectNode) document).put("x-service", service))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("OpenAPI of %s unavailable: %s", service, failure.toString());
                    return json.createObjectNode().put("x-missing", service);
                });
    }

    private JsonNode parse(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BODY_LIMITS = "x-canhgac-body-limits";
    private static final String SCHEMAS = "#/components/schemas/";

    static ObjectNode merge(ObjectMapper json, List<JsonNode> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info")
                .put("title", "Canh Gác API")
                .put("version", "v1")
                .put(
                        "description",
                        "The whole public API, through the gateway. Authenticate with a bearer token "
                                + "from the canhgac realm (see the README).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        merged.with("components")
                .putObject("securitySchemes")
                .putObject("SecurityScheme")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        var tags = merged.putArray("tags");
        var missing = merged.putArray("x-canhgac-missing");
        for (JsonNode document : documents) {
            if (document.has("x-missing")) {
                missing.add(document.get("x-missing"));
                continue;
            }
            JsonNode own = withoutCollisions(json, document, schemas);
            own.path("paths").properties().forEach(path -> paths.set(path.getKey(), path.getValue()));
            own.path("components")
                    .path("schemas")
                    .properties()
                    .forEach(schema -> schemas.putIfAbsent(schema.getKey(), schema.getValue()));
            own.path("tags").forEach(tags::add);
            if (own.has(BODY_LIMITS)) {
                merged.set(BODY_LIMITS, own.get(BODY_LIMITS));
            }
        }
        return merged;
    }

    /**
     * Two services may name different shapes alike ({@code StatusChange} of exposures and of incidents): a schema
     * whose name is taken by another shape is renamed {@code <service>.<name>}, with every reference to it in its
     * own document, so that each operation keeps the body it really takes.
     */
    private static JsonNode withoutCollisions(ObjectMapper json, JsonNode document, ObjectNode merged) {
        List<String> colliding = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode taken = merged.get(schema.getKey());
            if (taken != null && !taken.equals(schema.getValue())) {
                colliding.add(schema.getKey());
            }
        });
        if (colliding.isEmpty()) {
            return document;
        }
        String service = document.path("x-service").asText("service");
        String text = document.toString();
        for (String name : colliding) {
            text = text.replace("\"" + SCHEMAS + name + "\"", "\"" + SCHEMAS + service + "." + name + "\"");
        }
        try {
            ObjectNode rewritten = (ObjectNode) json.readTree(text);
            ObjectNode own = rewritten.with("components").with("schemas");
            colliding.forEach(name -> own.set(service + "." + name, own.remove(name)));
            return rewritten;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
