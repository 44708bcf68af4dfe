-- An advisory or a botnet list published by mistake is withdrawn, never deleted: it stays readable with who
-- withdrew it, when and why, and no longer matches anything.
alter table advisory add column withdrawn_at timestamptz, add column withdrawn_by text, add column withdrawal_reason text;
alter table botnet_list add column withdrawn_at timestamptz, add column withdrawn_by text,
    add column withdrawal_reason text;
