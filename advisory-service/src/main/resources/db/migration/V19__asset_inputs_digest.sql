-- A digest of what the matcher reads of an asset (owner, deleted or not, addresses, installed products under every
-- identity): an event of the asset whose inputs have the same digest changes no hit of its own, so its addresses and
-- products are not rewritten and it is not matched again (AssetReplicas, MatchingInputs). The digest counts only while
-- inputs_version is the row's version: a release before this one moves the version on without the digest. Null for
-- the assets applied before: their next event is a change. A release that changes how assets match sets it to null.
alter table asset_replica add column inputs_digest text, add column inputs_version bigint;

-- Assets whose next event must match them again whatever their digest says, because something beside them changed
-- (a list or an advisory withdrawn, an advisory revised). Only ever inserted by those, and deleted by the asset batch
-- that matched the asset again: neither locks the other's rows, nor the assets' rows.
create table asset_rematch (
    asset_id uuid        not null,
    since    timestamptz not null default now()
);
create index asset_rematch_asset on asset_rematch (asset_id);
