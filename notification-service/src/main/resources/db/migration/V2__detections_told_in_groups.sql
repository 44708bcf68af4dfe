-- New exposures are told in groups (one notification per organisation, severity and batch of events), no longer one
-- notification per exposure: an import of 100,000 assets wrote 560,000 notifications, and a critical advisory on
-- 10,000 hosts sent 10,000 e-mails to each contact. What was told is now kept on the exposure's replica: the
-- detection it was told of, and whether the last write of the row told it (decided on the row as the upsert locked
-- it, so that two transactions applying the same exposure cannot both tell it).
alter table exposure_replica add column detection_told timestamptz,
                             add column told_now boolean not null default false;

-- The detections told before, one notification each (key 'exposure-detected:<exposure id>:<detected at>').
update exposure_replica r
   set detection_told = t.detected_at
  from (select substr(dedup_key, 19, 36)::uuid as id, max(substr(dedup_key, 56)::timestamptz) as detected_at
          from notification
         where kind = 'EXPOSURE_DETECTED' and dedup_key ~ '^exposure-detected:[0-9a-f-]{36}:\d{4}-'
         group by 1) t
 where r.id = t.id;
