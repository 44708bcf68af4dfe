-- A directive's report was recorded in the audit trail with its issuer's code where the path of the organisation
-- owning the entry belongs: no scope matched it, so no one could read it. It is the reporter's act: its entry
-- takes the reporter's path (what the service writes from now on). Only the scope column changes; what was
-- recorded stays as it was.
update audit_entry a set org_path = r.org_path
from directive_recipient r
where a.entity_type = 'directive-report'
  and a.entity_id = r.directive_id::text || '/' || r.organization_code
  and a.org_path not like '/%';
