-- Versions compare in their ecosystem's scheme (VersionScheme): the one an affected product's bounds were keyed in.
-- Keys written before this version were generic; every database so far is rebuilt from the events (tests, demo).
alter table affected_product add column version_scheme text not null default 'GENERIC';
