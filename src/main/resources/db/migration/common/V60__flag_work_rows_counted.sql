-- The gaming checks keep one row per hazard of concern and one counted row per township for the others
-- they looked at (the base of the share): a night no longer writes a row for every open hazard. A work
-- table, empty between runs, so it is made again.
DROP TABLE work_flag_hazard;
CREATE TABLE work_flag_hazard (
    snapshot_id    BIGINT NOT NULL,
    township_code  VARCHAR(20) NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    hazard_id      BIGINT,
    concerned      BOOLEAN NOT NULL,
    hazards        INT NOT NULL,
    CHECK (concerned = (hazard_id IS NOT NULL))
);
CREATE INDEX work_flag_hazard_snapshot ON work_flag_hazard (snapshot_id, kind, township_code);
COMMENT ON TABLE work_flag_hazard IS 'Work table of the ranking step''s gaming checks (empty between runs): the hazards of concern each check found, and per township the number of the others it looked at';
COMMENT ON COLUMN work_flag_hazard.snapshot_id IS 'The snapshot being published';
COMMENT ON COLUMN work_flag_hazard.township_code IS 'Township';
COMMENT ON COLUMN work_flag_hazard.kind IS 'Kind of check, as in snapshot_flag';
COMMENT ON COLUMN work_flag_hazard.hazard_id IS 'A hazard of concern; NULL on the row counting the others';
COMMENT ON COLUMN work_flag_hazard.concerned IS 'True for a hazard of concern (counted in snapshot_flag.hazards), false for the row counting hazards that are only in the base';
COMMENT ON COLUMN work_flag_hazard.hazards IS 'Hazards the row stands for: 1 for a hazard of concern, the number of the others on the counting row';
