-- The statistics and the ranking read each counted hazard's state as of the date from hazard itself when
-- its newest report is on or before the date (the usual case: the newest night), and only the others from
-- their history; the index finds those others without reading every hazard. The ranking's per-hazard work
-- table is no longer needed: a night no longer writes a row per hazard to rank it.
CREATE INDEX hazard_last_reported ON hazard (last_inbox_date);
DROP TABLE work_hazard_state;
