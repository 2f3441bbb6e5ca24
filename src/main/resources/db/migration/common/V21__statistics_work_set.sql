-- The statistics step now empties work_hazard_state when it is done with it: the rows of the nights run
-- before this version are of no use to anyone, and only made every later night's statistics slower.
DELETE FROM work_hazard_state;
COMMENT ON TABLE work_hazard_state IS 'Work table of the statistics step: each hazard''s state as of a date, for the one run computing it (empty between runs)';
