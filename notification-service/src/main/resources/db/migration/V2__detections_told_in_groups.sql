-- New exposures are told in groups (one notification per organisation, severity and batch of events), no longer one
-- notification per exposure: an import of 100,000 assets wrote 560,000 notifications, and a critical advisory on
-- 10,000 hosts sent 10,000 e-mails to each contact. What was told is now kept on the exposure's replica: the
-- detection it was told of (an exposure reopened later is detected again, and told again).
alter table exposure_replica add column detection_told timestamptz;

-- The detections told before, one notification each (key 'exposure-detected:<exposure id>:<detected at>').
update exposure_replica r
   set detection_told = substr(n.dedup_key, 56)::timestamptz
  from notification n
 where n.kind = 'EXPOSURE_DETECTED'
   and n.dedup_key like 'exposure-detected:%'
   and r.id = substr(n.dedup_key, 19, 36)::uuid;
