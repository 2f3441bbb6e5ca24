-- Dedupe inserts a night's new hazards and their history set-based, up to a million rows each; their
-- foreign keys checked every row with a lookup (17 s of a 1M-row night's 38 s of inserts). The ids
-- come from the same statements' joins with upload_file and hazard, which the pipeline alone writes and
-- never deletes from, so the checks guard nothing here. (The embedded H2 keeps them.)
ALTER TABLE hazard DROP CONSTRAINT hazard_first_file_id_fkey;
ALTER TABLE hazard DROP CONSTRAINT hazard_last_file_id_fkey;
ALTER TABLE hazard_history DROP CONSTRAINT hazard_history_file_id_fkey;
ALTER TABLE hazard_history DROP CONSTRAINT hazard_history_hazard_id_fkey;
