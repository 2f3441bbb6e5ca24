-- The statistics and the ranking read each counted hazard's state as of the date from hazard itself when
-- its newest report is on or before the date (the usual case: the newest night), and only the others from
-- their history; the index finds those others without reading every hazard. The ranking's per-hazard work
-- table is no longer needed: a night no longer writes a row per hazard to rank it.
CREATE INDEX hazard_last_reported ON hazard (last_inbox_date);
DROP TABLE work_hazard_state;

-- Dedupe no longer rewrites every accepted row to store its outcome (a million row versions a night):
-- it marks only the rows a later row of the same file stands for (REPEATED); the history a row made
-- names the others, and a row of a merged file without either is UNCHANGED.
CREATE VIEW validated_row_outcome AS
SELECT v.file_id, v.row_number,
       COALESCE(v.outcome, x.change_kind, CASE WHEN f.stage = 'DEDUPED' THEN 'UNCHANGED' END) AS outcome
FROM validated_row v
JOIN upload_file f ON f.file_id = v.file_id
LEFT JOIN hazard_history x ON x.file_id = v.file_id AND x.row_number = v.row_number;
COMMENT ON VIEW validated_row_outcome IS 'What dedupe made of each accepted row: NEW, UPDATED, REGRESSED, UNCHANGED or REPEATED (a later row of the same file stands for it); NULL until its file is merged';
COMMENT ON COLUMN validated_row.outcome IS 'REPEATED when a later row of the same file stands for this one, else NULL; read every outcome in validated_row_outcome';
