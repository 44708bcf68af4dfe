-- An asset's addresses and installed products are written only by AssetReplicas, in the transaction that writes
-- the asset, and cleared by it before they are written again; the replica never deletes an asset (it marks it
-- deleted). The foreign keys' checks, a trigger per row, ran for the fifteen product rows and two address rows of
-- every asset a read model applies (docs/performance.md).
alter table installed_product drop constraint if exists installed_product_asset_id_fkey;
alter table asset_address_replica drop constraint if exists asset_address_replica_asset_id_fkey;
