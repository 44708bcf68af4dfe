-- Versions compare in their ecosystem's scheme (VersionScheme): the one an affected product's bounds were keyed in.
-- Keys written before this version were generic; every database so far is rebuilt from the events (tests, demo).
alter table affected_product add column version_scheme text not null default 'GENERIC';

-- What an advisory said, apart from its revision: a newer document (a KEV catalogue of a later day) that says the
-- same is not a new revision, so a daily catalogue re-matches only the entries that changed.
alter table advisory add column content_digest text;
