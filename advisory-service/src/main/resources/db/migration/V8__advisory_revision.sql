-- The revision of the document an advisory was read from (CSAF tracking.version): a newer one replaces it.
alter table advisory add column revision text;
