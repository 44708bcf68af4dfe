-- A distribution fixes a package once per stream (RHEL 8, RHEL 9): a bound that names one matches that stream only.
alter table affected_product add column stream text;
alter table installed_product add column stream text;
