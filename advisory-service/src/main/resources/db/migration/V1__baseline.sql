-- advisory-service's own tables start here; the organisation replica and the outbox come from commons.
select 1;
