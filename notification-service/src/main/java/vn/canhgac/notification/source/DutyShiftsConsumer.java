package vn.canhgac.notification.source;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.DutyShiftEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;

/** Duty shifts from incident-service: who is on duty now, whose shift starts soon, and the gaps in coverage. */
@ApplicationScoped
public class DutyShiftsConsumer {

    private static final String KEEP = """
            insert into duty_shift_replica (id, organization_code, person, email, phone, starts_at, ends_at, deleted)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                                 $7::timestamptz[], $8::boolean[])
            on conflict (id) do update set deleted = duty_shift_replica.deleted or excluded.deleted""";

    private final BatchConsumer consumer;
    private final EventData events;

    public DutyShiftsConsumer(BatchConsumer consumer, EventData events) {
        this.consumer = consumer;
        this.events = events;
    }

    /** A shift without what every one has is set aside (dead-letter topic), not retried. */
    private static DutyShiftEvent valid(DutyShiftEvent shift) {
        if (shift.id() == null
                || shift.organizationCode() == null
                || shift.startsAt() == null
                || shift.endsAt() == null) {
            throw new IllegalArgumentException("A duty shift event without id, organisation, start or end");
        }
        return shift;
    }

    @Incoming("duty")
    public Uni<Void> onShifts(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "notification-service.duty",
                batch,
                event -> valid(events.read(event, DutyShiftEvent.class)),
                (connection, received) -> {
                    // A shift is added once and deleted once: within a batch, its deletion wins.
                    Map<UUID, DutyShiftEvent> byId = new LinkedHashMap<>();
                    BatchConsumer.data(received)
                            .forEach(shift ->
                                    byId.merge(shift.id(), shift, (kept, next) -> next.deleted() ? next : kept));
                    List<DutyShiftEvent> shifts = List.copyOf(byId.values());
                    return connection
                            .preparedQuery(KEEP)
                            .execute(Tuple.tuple()
                                    .addArrayOfUUID(shifts.stream()
                                            .map(DutyShiftEvent::id)
                                            .toArray(UUID[]::new))
                                    .addArrayOfString(shifts.stream()
                                            .map(DutyShiftEvent::organizationCode)
                                            .toArray(String[]::new))
                                    .addArrayOfString(shifts.stream()
                                            .map(DutyShiftEvent::person)
                                            .toArray(String[]::new))
                                    .addArrayOfString(shifts.stream()
                                            .map(s -> s.email() == null
                                                    ? null
                                                    : s.email().toLowerCase(Locale.ROOT))
                                            .toArray(String[]::new))
                                    .addArrayOfString(shifts.stream()
                                            .map(DutyShiftEvent::phone)
                                            .toArray(String[]::new))
                                    .addArrayOfOffsetDateTime(shifts.stream()
                                            .map(s -> s.startsAt().atOffset(ZoneOffset.UTC))
                                            .toArray(OffsetDateTime[]::new))
                                    .addArrayOfOffsetDateTime(shifts.stream()
                                            .map(s -> s.endsAt().atOffset(ZoneOffset.UTC))
                                            .toArray(OffsetDateTime[]::new))
                                    .addArrayOfBoolean(shifts.stream()
                                            .map(DutyShiftEvent::deleted)
                                            .toArray(Boolean[]::new)))
                            .replaceWithVoid();
                });
    }
}
