-- The statistics step no longer keeps a row per counted hazard (a million rows written, indexed and kept
-- per night, which made every later night's statistics slower): it aggregates each hazard's state as of
-- the date straight into counts per township, village and category, a few thousand rows, and empties
-- them again once the figures are made.
DROP TABLE work_hazard_state;

CREATE TABLE work_hazard_group (
    campaign_id        VARCHAR(100) NOT NULL,
    as_of              DATE NOT NULL,
    township_code      VARCHAR(20) NOT NULL,
    village_code       VARCHAR(20),
    category           VARCHAR(20) NOT NULL,
    hazards_found      INT NOT NULL,
    hazards_rectified  INT NOT NULL
);
CREATE INDEX work_hazard_group_run ON work_hazard_group (campaign_id, as_of);

COMMENT ON TABLE work_hazard_group IS 'Work table of the statistics step: hazards counted per township, village and category as of a date, for the one run computing it (empty between runs)';
COMMENT ON COLUMN work_hazard_group.campaign_id IS 'Campaign';
COMMENT ON COLUMN work_hazard_group.as_of IS 'As-of date';
COMMENT ON COLUMN work_hazard_group.township_code IS 'Township the hazards belong to';
COMMENT ON COLUMN work_hazard_group.village_code IS 'Village, NULL at township level';
COMMENT ON COLUMN work_hazard_group.category IS 'Category code';
COMMENT ON COLUMN work_hazard_group.hazards_found IS 'Hazards found from the campaign start to the date';
COMMENT ON COLUMN work_hazard_group.hazards_rectified IS 'Of those, rectified on or before the date';
