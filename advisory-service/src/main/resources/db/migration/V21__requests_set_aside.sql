-- A request to match an asset again, or an organisation's changed constituency, whose matching the database refuses
-- for good (a value it rejects) is set aside with the failure instead of being tried first at every run of its job,
-- which held up every request after it. The asset's next event, or the organisation's, takes it up again.
alter table asset_rematch add column failed_at timestamptz, add column failure text;
alter table constituency_change add column failed_at timestamptz, add column failure text;
