-- The run lock row is the pipeline's alone: analysts (and any other role) can neither write it
-- nor lock it. The notes on files left for the next run carry no personal data.
REVOKE ALL ON run_lock FROM PUBLIC;
GRANT SELECT ON inbox_note TO campaign_analyst;

COMMENT ON COLUMN analyst_hazard.premises IS '场所名称; for a rental house the landlord''s name is masked: 朱**出租屋';
COMMENT ON COLUMN analyst_hazard.inspector_masked IS '排查人, masked: 张**';
COMMENT ON COLUMN analyst_hazard.contact_masked IS '联系电话, masked: at most the last 4 digits, never more than half (*******5678)';
COMMENT ON COLUMN analyst_rejected_row.premises IS '场所名称 as the clerk typed it; a rental house''s landlord masked';
COMMENT ON COLUMN analyst_rejected_row.contact_masked IS '联系电话 as typed, masked: at most the last 4 characters, never more than half';
