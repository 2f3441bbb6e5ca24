-- Comments for the tables and columns V4 left undocumented: the staging and work tables, the
-- registry mirror, and the columns of hazard, hazard_history and rejected_row. The analyst views'
-- columns are documented in postgresql/V7 (H2 cannot comment on view columns).

COMMENT ON TABLE category IS 'The hazard categories: code and the label reports use';
COMMENT ON COLUMN category.category IS 'Code: RENTAL_HOUSING, STREET_SHOP or THREE_IN_ONE';
COMMENT ON COLUMN category.label IS 'Label in reports: 居住出租房, 沿街店铺, “三合一”企业';
COMMENT ON COLUMN category.sort_order IS 'Order in reports';
COMMENT ON TABLE region_township IS 'The townships of the registry (jobs/regions/townships.csv) as of the last run';
COMMENT ON COLUMN region_township.township_code IS 'Official 12-digit code, or 330784K0x000 for a functional zone';
COMMENT ON COLUMN region_township.township_name IS 'Registered name, e.g. 东城街道';
COMMENT ON COLUMN region_township.township_type IS '镇, 街道 or 区 (functional zone)';
COMMENT ON COLUMN region_township.sort_order IS 'Order in reports';
COMMENT ON TABLE region_village IS 'The villages and communities of the registry (jobs/regions/villages.csv) as of the last run';
COMMENT ON COLUMN region_village.village_code IS 'Official 12-digit code';
COMMENT ON COLUMN region_village.township_code IS 'Township the village belongs to';
COMMENT ON COLUMN region_village.village_name IS 'Registered name, e.g. 下宅口村';
COMMENT ON COLUMN region_village.village_kind IS '村 (行政村) or 社区';

COMMENT ON TABLE staged_row IS 'Every non-blank data row of a LOADED file, with the raw cell text, before validation';
COMMENT ON COLUMN staged_row.file_id IS 'The upload the row came from';
COMMENT ON COLUMN staged_row.row_number IS 'Row number as the spreadsheet shows it (record number for CSV)';
COMMENT ON COLUMN staged_row.hazard_ref IS '隐患编号 as the clerk typed it';
COMMENT ON COLUMN staged_row.township IS '乡镇（街道） as the clerk typed it';
COMMENT ON COLUMN staged_row.village IS '村（社区） as the clerk typed it';
COMMENT ON COLUMN staged_row.category IS '场所类型 as the clerk typed it';
COMMENT ON COLUMN staged_row.premises IS '场所名称 as the clerk typed it';
COMMENT ON COLUMN staged_row.address IS '地址 as the clerk typed it';
COMMENT ON COLUMN staged_row.hazard IS '隐患描述 as the clerk typed it';
COMMENT ON COLUMN staged_row.found_on IS '排查日期 as the clerk typed it (dates as ISO text)';
COMMENT ON COLUMN staged_row.status IS '整改情况 as the clerk typed it';
COMMENT ON COLUMN staged_row.rectified_on IS '整改日期 as the clerk typed it';
COMMENT ON COLUMN staged_row.inspector IS '排查人 as the clerk typed it (personal data)';
COMMENT ON COLUMN staged_row.contact IS '联系电话 as the clerk typed it (personal data)';

COMMENT ON TABLE validated_row IS 'Rows that passed validation, with clean values and the hazard identity key';
COMMENT ON COLUMN validated_row.file_id IS 'The upload the row came from';
COMMENT ON COLUMN validated_row.row_number IS 'Row number as the spreadsheet shows it';
COMMENT ON COLUMN validated_row.township_code IS 'The uploading township';
COMMENT ON COLUMN validated_row.identity_key IS 'SHA-256 of the hazard identity';
COMMENT ON COLUMN validated_row.hazard_ref IS '隐患编号, NULL when not given';
COMMENT ON COLUMN validated_row.village_code IS 'Resolved village; NULL for a zone row without one';
COMMENT ON COLUMN validated_row.category IS 'Category code';
COMMENT ON COLUMN validated_row.premises IS '场所名称';
COMMENT ON COLUMN validated_row.address IS '地址 as written (trimmed)';
COMMENT ON COLUMN validated_row.description IS '隐患描述 as written (trimmed)';
COMMENT ON COLUMN validated_row.found_on IS '排查日期';
COMMENT ON COLUMN validated_row.status IS 'RECTIFIED, UNRECTIFIED or IN_PROGRESS';
COMMENT ON COLUMN validated_row.rectified_on IS '整改日期, NULL unless rectified';
COMMENT ON COLUMN validated_row.inspector IS '排查人 (personal data)';
COMMENT ON COLUMN validated_row.contact IS '联系电话 (personal data)';
COMMENT ON COLUMN validated_row.warnings IS 'Warnings in Chinese (accepted anyway), NULL when none';
COMMENT ON COLUMN validated_row.outcome IS 'What dedupe made of it: NEW, UPDATED, REGRESSED, UNCHANGED or REPEATED (a later row of the same file stands for it)';

COMMENT ON COLUMN rejected_row.hazard_ref IS '隐患编号 as the clerk typed it';
COMMENT ON COLUMN rejected_row.township IS '乡镇（街道） as the clerk typed it';
COMMENT ON COLUMN rejected_row.village IS '村（社区） as the clerk typed it';
COMMENT ON COLUMN rejected_row.category IS '场所类型 as the clerk typed it';
COMMENT ON COLUMN rejected_row.premises IS '场所名称 as the clerk typed it';
COMMENT ON COLUMN rejected_row.address IS '地址 as the clerk typed it';
COMMENT ON COLUMN rejected_row.hazard IS '隐患描述 as the clerk typed it';
COMMENT ON COLUMN rejected_row.found_on IS '排查日期 as the clerk typed it (dates as ISO text)';
COMMENT ON COLUMN rejected_row.status IS '整改情况 as the clerk typed it';
COMMENT ON COLUMN rejected_row.rectified_on IS '整改日期 as the clerk typed it';
COMMENT ON COLUMN rejected_row.inspector IS '排查人 as the clerk typed it (personal data)';
COMMENT ON COLUMN rejected_row.contact IS '联系电话 as the clerk typed it (personal data)';

COMMENT ON COLUMN hazard.hazard_ref IS '隐患编号, the township''s own id, when given';
COMMENT ON COLUMN hazard.premises IS '场所名称 (the latest upload that gave one)';
COMMENT ON COLUMN hazard.address IS '地址 as last uploaded';
COMMENT ON COLUMN hazard.description IS '隐患描述 as last uploaded';
COMMENT ON COLUMN hazard.inspector IS '排查人 (personal data; analysts see analyst_hazard.inspector_masked)';
COMMENT ON COLUMN hazard.contact IS '联系电话 (personal data; analysts see analyst_hazard.contact_masked)';

COMMENT ON COLUMN hazard_history.history_id IS 'Key';
COMMENT ON COLUMN hazard_history.hazard_id IS 'The hazard';
COMMENT ON COLUMN hazard_history.file_id IS 'The upload that brought the change';
COMMENT ON COLUMN hazard_history.row_number IS 'Its row in that upload';
COMMENT ON COLUMN hazard_history.inbox_date IS 'The night of that upload: statistics as of D use the newest state up to D';
COMMENT ON COLUMN hazard_history.village_code IS 'Village in this state';
COMMENT ON COLUMN hazard_history.category IS 'Category in this state';
COMMENT ON COLUMN hazard_history.status IS 'RECTIFIED, UNRECTIFIED or IN_PROGRESS in this state';
COMMENT ON COLUMN hazard_history.found_on IS '排查日期 in this state';
COMMENT ON COLUMN hazard_history.rectified_on IS '整改日期 in this state';

COMMENT ON TABLE work_hazard_state IS 'Work table of the statistics step: each hazard''s state as of a date (rebuilt per run)';
COMMENT ON COLUMN work_hazard_state.campaign_id IS 'Campaign';
COMMENT ON COLUMN work_hazard_state.as_of IS 'As-of date';
COMMENT ON COLUMN work_hazard_state.hazard_id IS 'The hazard';
COMMENT ON COLUMN work_hazard_state.township_code IS 'Township';
COMMENT ON COLUMN work_hazard_state.village_code IS 'Village, NULL at township level';
COMMENT ON COLUMN work_hazard_state.category IS 'Category';
COMMENT ON COLUMN work_hazard_state.rectified IS 'Rectified on or before as_of';
COMMENT ON TABLE work_township_stats IS 'Work table of the statistics step: figures per township and category before they are published';
COMMENT ON COLUMN work_township_stats.campaign_id IS 'Campaign';
COMMENT ON COLUMN work_township_stats.as_of IS 'As-of date';
COMMENT ON COLUMN work_township_stats.township_code IS 'Township';
COMMENT ON COLUMN work_township_stats.category IS 'Category';
COMMENT ON COLUMN work_township_stats.hazards_found IS 'Distinct hazards found from the campaign start to as_of';
COMMENT ON COLUMN work_township_stats.hazards_rectified IS 'Of those, rectified on or before as_of';
COMMENT ON TABLE work_village_stats IS 'Work table of the statistics step: figures per village and category before they are published';
COMMENT ON COLUMN work_village_stats.campaign_id IS 'Campaign';
COMMENT ON COLUMN work_village_stats.as_of IS 'As-of date';
COMMENT ON COLUMN work_village_stats.village_code IS 'Village';
COMMENT ON COLUMN work_village_stats.category IS 'Category';
COMMENT ON COLUMN work_village_stats.hazards_found IS 'Distinct hazards found from the campaign start to as_of';
COMMENT ON COLUMN work_village_stats.hazards_rectified IS 'Of those, rectified on or before as_of';
