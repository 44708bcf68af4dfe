-- A VEX statement ("product P, these versions, is not affected by these CVEs"; CSAF known_not_affected, or fixed
-- beside affected products) is stored with the affected products of its document: it gives no exposure itself, keeps
-- other advisories about only those CVEs from matching P, and closes what they had found there.
alter table affected_product add column not_affected_cves text[];
create index affected_product_not_affected on affected_product (identity) where not_affected_cves is not null;
