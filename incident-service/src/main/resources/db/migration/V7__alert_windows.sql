-- Alert windows declared by directives (Tết), from advisory.directives: inside one, incident deadlines halve.
create table alert_window (
    directive_id uuid not null,
    name         text not null,
    starts_on    date not null,
    ends_on      date not null,
    primary key (directive_id, name)
);
create index alert_window_dates on alert_window (starts_on, ends_on);
