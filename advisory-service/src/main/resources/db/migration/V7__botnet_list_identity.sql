-- A list is its issuer's reference: next month's list may repeat this month's entries and is still a list of its own.
alter table botnet_list drop constraint botnet_list_content_hash_key;
create index botnet_list_content on botnet_list (content_hash);
