-- The national due policy: how many days an agency has to fix an exposure of each severity, set by the Authority
-- (PUT /api/v1/due-policy). Applies to exposures found from then on; a due date once given is not moved.
create table due_policy (
    severity   text primary key check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    days       int         not null check (days between 1 and 365),
    version    bigint      not null default 0,
    updated_at timestamptz not null default now(),
    updated_by text        not null default 'migration'
);
insert into due_policy (severity, days) values ('CRITICAL', 3), ('HIGH', 7), ('MEDIUM', 30), ('LOW', 90);

create or replace function exposure_due(severity text, deadline date, found date) returns date
    language sql stable as $$
    select least(deadline, found + greatest(1, coalesce((select p.days from due_policy p where p.severity = $1), 90)
                                               / case when exists (select 1 from directive_alert_window w
                                                                   where found between w.starts_on and w.ends_on)
                                                      then 2 else 1 end))
$$;
