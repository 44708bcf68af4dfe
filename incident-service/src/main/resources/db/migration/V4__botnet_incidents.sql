-- One malware incident per organisation and botnet list while it is open: every further hit of that list in
-- that organisation adds its address to it instead of opening another.
create table botnet_incident (
    organization_code text not null,
    botnet_list_id    uuid not null,
    incident_id       uuid not null references incident (id) on delete cascade,
    primary key (organization_code, botnet_list_id)
);
