-- The ranking step's gaming checks and file provenance need each counted hazard's state as of the
-- date, which the statistics no longer keep. The ranking step fills this table for its own campaign and
-- date and empties it again in the same transaction, so it never holds more than one run's hazards.
CREATE TABLE work_hazard_state (
    campaign_id    VARCHAR(100) NOT NULL,
    as_of          DATE NOT NULL,
    hazard_id      BIGINT NOT NULL,
    township_code  VARCHAR(20) NOT NULL,
    village_code   VARCHAR(20),
    category       VARCHAR(20) NOT NULL,
    rectified      BOOLEAN NOT NULL,
    PRIMARY KEY (campaign_id, as_of, hazard_id)
);

COMMENT ON TABLE work_hazard_state IS 'Work table of the ranking step: each counted hazard''s state as of the date, for the one run publishing it (empty between runs)';
COMMENT ON COLUMN work_hazard_state.campaign_id IS 'Campaign';
COMMENT ON COLUMN work_hazard_state.as_of IS 'As-of date';
COMMENT ON COLUMN work_hazard_state.hazard_id IS 'The hazard counted';
COMMENT ON COLUMN work_hazard_state.township_code IS 'Township of the hazard';
COMMENT ON COLUMN work_hazard_state.village_code IS 'Village of the hazard as of the date, NULL at township level';
COMMENT ON COLUMN work_hazard_state.category IS 'Category code as of the date';
COMMENT ON COLUMN work_hazard_state.rectified IS 'Rectified on or before the date';
