-- The console's "detected per day" over the last 30 days (ExposureStore.BY_DAY): without it, a national caller's
-- count read every exposure ever detected.
create index exposure_detected on exposure (detected_at);
