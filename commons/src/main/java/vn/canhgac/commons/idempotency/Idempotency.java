package vn.canhgac.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.text.Digests;

/**
 * {@code Idempotency-Key} on creates and imports: the first request with a key runs and its answer is kept for
 * a day; a retry with the same key and the same request gets that answer again ({@code Idempotent-Replayed:
 * true}) and changes nothing; the same key with another request is a 422; a retry while the first is still
 * running is a 409. The key is reserved before the action runs, so two concurrent requests cannot both run it.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Pool pool;
    private final ObjectMapper json;

    public Idempotency(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Runs {@code action} once for this caller and key.
     *
     * @param fingerprint what identifies the request (its body, or for a stream its parameters and length)
     */
    public <T> Uni<RestResponse<T>> once(
            Caller caller, String key, Object fingerprint, Class<T> type, Supplier<Uni<RestResponse<T>>> action) {
        if (key == null) {
            return action.get();
        }
        if (!ACCEPTABLE.matcher(key).matches()) {
            throw DomainProblem.invalidField(HEADER, "bad-idempotency-key");
        }
        String owner = caller.subject();
        String hash = hash(fingerprint);
        return pool.preparedQuery("""
                        insert into idempotency_record (caller, idem_key, request_hash, created_at)
                        values ($1, $2, $3, now()) on conflict do nothing""")
                .execute(Tuple.of(owner, key, hash))
                .flatMap(inserted ->
                        inserted.rowCount() == 1 ? runAndKeep(owner, key, action) : replay(owner, key, hash, type));
    }

    private <T> Uni<RestResponse<T>> runAndKeep(String owner, String key, Supplier<Uni<RestResponse<T>>> action) {
        return Uni.createFrom()
                .<RestResponse<T>>deferred(action::get)
                .call(response -> keep(owner, key, response))
                .onFailure()
                .call(failure -> release(owner, key));
    }

    private Uni<?> keep(String owner, String key, RestResponse<?> response) {
        return pool.preparedQuery("""
                        update idempotency_record set status = $3, location = $4, etag = $5, body = $6
                        where caller = $1 and idem_key = $2""")
                .execute(Tuple.tuple()
                        .addString(owner)
                        .addString(key)
                        .addInteger(response.getStatus())
                        .addString(
                                response.getLocation() == null
                                        ? null
                                        : response.getLocation().toString())
                        .addString(response.getHeaderString("ETag"))
                        .addString(serialise(response.getEntity())));
    }

    private Uni<?> release(String owner, String key) {
        return pool.preparedQuery("delete from idempotency_record where caller = $1 and idem_key = $2")
                .execute(Tuple.of(owner, key));
    }

    private <T> Uni<RestResponse<T>> replay(String owner, String key, String hash, Class<T> type) {
        return pool.preparedQuery("select * from idempotency_record where caller = $1 and idem_key = $2")
                .execute(Tuple.of(owner, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainProblem.conflict("idempotency-in-progress");
                    }
                    Row row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        throw DomainProblem.unprocessable("idempotency-key-reused", key);
                    }
                    if (row.getInteger("status") == null) {
                        throw DomainProblem.conflict("idempotency-in-progress");
                    }
                    return replayed(row, type);
                });
    }

    private <T> RestResponse<T> replayed(Row row, Class<T> type) {
        RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.<T>create(row.getInteger("status"))
                .entity(deserialise(row.getString("body"), type))
                .header(REPLAYED, "true");
        if (row.getString("location") != null) {
            builder.location(URI.create(row.getString("location")));
        }
        if (row.getString("etag") != null) {
            builder.header("ETag", row.getString("etag"));
        }
        return builder.build();
    }

    /** Answers are kept a day; a reservation whose request never finished (a crash) is freed after an hour. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldAnswers() {
        Instant now = Instant.now();
        return pool.preparedQuery("""
                        delete from idempotency_record
                        where created_at < $1 or (status is null and created_at < $2)""")
                .execute(Tuple.of(
                        now.minusSeconds(86_400).atOffset(ZoneOffset.UTC),
                        now.minusSeconds(3_600).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private String hash(Object fingerprint) {
        return Digests.sha256Hex(serialise(fingerprint));
    }

    private String serialise(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass(), e);
        }
    }

    private <T> T deserialise(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not a " + type.getSimpleName(), e);
        }
    }
}
