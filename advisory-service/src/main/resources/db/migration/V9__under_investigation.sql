-- A product a VEX document says is under investigation: its hits are exposures to confirm, not open ones.
alter table affected_product add column under_investigation boolean not null default false;
