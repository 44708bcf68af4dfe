-- UUID version 7 (RFC 9562) made by the database, as TimeOrderedIds makes them in Java: 48 bits of Unix
-- milliseconds, then the random bits of a version 4 UUID, its version nibble set to 7. A statement that inserts
-- thousands of rows with these ids (an exposure per hit) adds them at the right edge of the primary key and of the
-- indexes that hold the id, instead of on a random page of each: less to read, split and log.
create or replace function time_ordered_id() returns uuid language sql volatile parallel safe as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                  from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;
