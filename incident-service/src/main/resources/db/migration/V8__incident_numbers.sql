-- Incident numbers come from one sequence per year instead of a counter row. The row's lock was held until each
-- number's commit reached the disk, so concurrent reports queued behind one another's fsync (measured in
-- docs/performance.md); a sequence hands out numbers without a lock. A number whose report then fails is a gap,
-- as it was before.
create function next_incident_number(year integer) returns bigint language plpgsql as $$
declare
    sequence_name text := 'incident_number_' || year;
begin
    if to_regclass(sequence_name) is null then
        -- The first reports of a new year may race to create its sequence.
        perform pg_advisory_xact_lock(hashtext(sequence_name));
        execute format('create sequence if not exists %I', sequence_name);
    end if;
    return nextval(sequence_name);
end $$;

do $$
declare
    counter record;
begin
    for counter in select year, last_number from incident_counter loop
        execute format('create sequence %I start with %s', 'incident_number_' || counter.year, counter.last_number + 1);
    end loop;
end $$;

drop table incident_counter;
