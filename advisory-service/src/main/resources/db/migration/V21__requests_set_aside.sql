-- A request to match an asset again, or an organisation's changed constituency, whose matching the database refuses
-- for good (a value it rejects) is set aside with the failure instead of being tried first at every run of its job,
-- which held up every request after it. The asset's next event, or the organisation's, takes it up again.
-- A request is stamped with the clock at its insert, not its transaction's start: made under the matching lock held
-- exclusively, it is then known to have been committed before a job that later took the lock shared read the
-- requests (AssetRematching sets aside only the requests such a refused try saw).
alter table asset_rematch add column failed_at timestamptz, add column failure text,
    alter column since set default clock_timestamp();
alter table constituency_change add column failed_at timestamptz, add column failure text;
