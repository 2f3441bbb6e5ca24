-- What analysts read: the snapshot tables as they are, and views that mask personal data
-- (contact phone numbers as 138****5678, inspector names as 张**). Every table and column is
-- documented here; the README repeats it with example queries.

CREATE VIEW analyst_hazard AS
SELECT h.hazard_id, h.township_code, t.township_name, h.village_code, v.village_name, v.village_kind,
       h.category, c.label AS category_label, h.hazard_ref, h.premises, h.address, h.description, h.status,
       h.found_on, h.rectified_on,
       CASE WHEN h.inspector IS NULL THEN NULL
            ELSE SUBSTRING(h.inspector, 1, 1) || REPEAT('*', LENGTH(h.inspector) - 1) END AS inspector_masked,
       CASE WHEN h.contact IS NULL THEN NULL
            WHEN LENGTH(h.contact) >= 7 THEN SUBSTRING(h.contact, 1, 3) || '****' || RIGHT(h.contact, 4)
            ELSE '****' END AS contact_masked,
       h.regressed, h.first_file_id, h.last_file_id, h.last_inbox_date
FROM hazard h
LEFT JOIN region_township t ON t.township_code = h.township_code
LEFT JOIN region_village v ON v.village_code = h.village_code
LEFT JOIN category c ON c.category = h.category;

CREATE VIEW analyst_rejected_row AS
SELECT r.file_id, f.inbox_date, f.township_code, f.file_name, r.row_number, r.reasons, r.hazard_ref, r.township,
       r.village, r.category, r.premises, r.address, r.hazard, r.found_on, r.status, r.rectified_on,
       CASE WHEN r.inspector IS NULL THEN NULL
            ELSE SUBSTRING(r.inspector, 1, 1) || REPEAT('*', LENGTH(r.inspector) - 1) END AS inspector_masked,
       CASE WHEN r.contact IS NULL THEN NULL
            WHEN LENGTH(r.contact) >= 7 THEN SUBSTRING(r.contact, 1, 3) || '****' || RIGHT(r.contact, 4)
            ELSE '****' END AS contact_masked
FROM rejected_row r
JOIN upload_file f ON f.file_id = r.file_id;

COMMENT ON TABLE snapshot IS 'One published snapshot per campaign and as-of date; a rerun replaces it in one transaction';
COMMENT ON COLUMN snapshot.snapshot_id IS 'Key of the snapshot; the other snapshot tables refer to it';
COMMENT ON COLUMN snapshot.campaign_id IS 'Campaign id, the file name of jobs/campaigns/<id>.yml';
COMMENT ON COLUMN snapshot.as_of IS 'As-of date D: hazards found from the campaign start to D, rectified by D';
COMMENT ON COLUMN snapshot.created_at IS 'When this snapshot was published';
COMMENT ON COLUMN snapshot.job_execution_id IS 'The Spring Batch job execution that published it (see status)';
COMMENT ON COLUMN snapshot.campaign_name IS 'Campaign name at publication';
COMMENT ON COLUMN snapshot.campaign_start IS 'First day of the campaign';
COMMENT ON COLUMN snapshot.campaign_end IS 'Last day of the campaign; hazards found later do not count';

COMMENT ON TABLE township_stats IS 'Figures per participating township and category of a snapshot';
COMMENT ON COLUMN township_stats.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN township_stats.township_code IS 'Township code: official 12-digit code, or 330784K0n000 for the two functional zones';
COMMENT ON COLUMN township_stats.township_name IS 'Township name at publication';
COMMENT ON COLUMN township_stats.category IS 'RENTAL_HOUSING (居住出租房), STREET_SHOP (沿街店铺) or THREE_IN_ONE (“三合一”企业)';
COMMENT ON COLUMN township_stats.hazards_found IS '排查数: distinct hazards found between the campaign start and the as-of date';
COMMENT ON COLUMN township_stats.hazards_rectified IS 'Of those, hazards 已整改 with a rectification date on or before the as-of date';
COMMENT ON COLUMN township_stats.rectification_rate IS '整改率 = hazards_rectified / hazards_found (0..1, 10 decimals); NULL when nothing was found';

COMMENT ON TABLE village_stats IS 'Figures per registered village or community and category of a snapshot';
COMMENT ON COLUMN village_stats.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN village_stats.township_code IS 'Township the village belongs to';
COMMENT ON COLUMN village_stats.village_code IS 'Official 12-digit code of the village or community';
COMMENT ON COLUMN village_stats.village_name IS 'Village or community name at publication';
COMMENT ON COLUMN village_stats.village_kind IS '村 (行政村) or 社区 (community)';
COMMENT ON COLUMN village_stats.category IS 'Category code, as in township_stats';
COMMENT ON COLUMN village_stats.hazards_found IS 'Distinct hazards found between the campaign start and the as-of date';
COMMENT ON COLUMN village_stats.hazards_rectified IS 'Of those, rectified on or before the as-of date';
COMMENT ON COLUMN village_stats.rectification_rate IS 'hazards_rectified / hazards_found; NULL when nothing was found';

COMMENT ON TABLE township_ranking IS 'Top and bottom N townships per category and metric; equal values share a position and are marked tied';
COMMENT ON COLUMN township_ranking.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN township_ranking.category IS 'Category code';
COMMENT ON COLUMN township_ranking.metric IS 'hazards_found or rectification_rate (rate rankings leave out townships with nothing found)';
COMMENT ON COLUMN township_ranking.side IS 'top (best first) or bottom (worst first: position 1 is last place)';
COMMENT ON COLUMN township_ranking.position IS 'Position from 1 on that side; tied townships share it (1, 2, 2, 4)';
COMMENT ON COLUMN township_ranking.township_code IS 'Township code';
COMMENT ON COLUMN township_ranking.township_name IS 'Township name at publication';
COMMENT ON COLUMN township_ranking.value IS 'The metric value: a count, or a rate 0..1';
COMMENT ON COLUMN township_ranking.tied IS 'True when another participating township has the same value';

COMMENT ON TABLE lagging_village IS 'Villages and communities lagging most in rectification (the bulletin''s lagging lists)';
COMMENT ON COLUMN lagging_village.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN lagging_village.category IS 'Category of the list (campaign setting lagging.category)';
COMMENT ON COLUMN lagging_village.village_kind IS '村 or 社区: two separate lists';
COMMENT ON COLUMN lagging_village.position IS '1 = lowest rate; ties go to more unrectified, then more found, then the lower code';
COMMENT ON COLUMN lagging_village.township_code IS 'Township of the village';
COMMENT ON COLUMN lagging_village.township_name IS 'Township name at publication';
COMMENT ON COLUMN lagging_village.village_code IS 'Village or community code';
COMMENT ON COLUMN lagging_village.village_name IS 'Village or community name';
COMMENT ON COLUMN lagging_village.hazards_found IS 'Hazards found (at least the campaign''s lagging.min_found)';
COMMENT ON COLUMN lagging_village.hazards_rectified IS 'Hazards rectified by the as-of date';
COMMENT ON COLUMN lagging_village.rectification_rate IS 'hazards_rectified / hazards_found, below 1';

COMMENT ON TABLE upload_file IS 'Every file found in INBOX/<date>/<township>/, with its fate and its row reconciliation';
COMMENT ON COLUMN upload_file.file_id IS 'Key of the upload';
COMMENT ON COLUMN upload_file.inbox_date IS 'The inbox date folder the file came from';
COMMENT ON COLUMN upload_file.township_code IS 'Township the folder names; NULL when it names none (then QUARANTINED)';
COMMENT ON COLUMN upload_file.township_folder IS 'The folder name as uploaded';
COMMENT ON COLUMN upload_file.file_name IS 'File path inside the township folder';
COMMENT ON COLUMN upload_file.file_size IS 'Size in bytes';
COMMENT ON COLUMN upload_file.sha256 IS 'SHA-256 of the content: the same content again from the township is a DUPLICATE';
COMMENT ON COLUMN upload_file.status IS 'LOADED (rows read), QUARANTINED (unreadable, see reason) or DUPLICATE (content seen before)';
COMMENT ON COLUMN upload_file.reason IS 'Why quarantined or duplicate, in Chinese for the clerk';
COMMENT ON COLUMN upload_file.duplicate_of IS 'For a DUPLICATE: the file that had the same content';
COMMENT ON COLUMN upload_file.file_format IS 'XLSX, XLS or CSV, judged by content, not by name';
COMMENT ON COLUMN upload_file.sheet_name IS 'The sheet that held the ledger';
COMMENT ON COLUMN upload_file.header_row IS 'Row number of the header in that sheet';
COMMENT ON COLUMN upload_file.stage IS 'How far the pipeline got with the file: STAGED, VALIDATED, DEDUPED (DONE when not LOADED)';
COMMENT ON COLUMN upload_file.rows_read IS 'Rows from the header to the last data row; always accepted + rejected + blank';
COMMENT ON COLUMN upload_file.rows_accepted IS 'Rows accepted (new hazard, update or unchanged repeat)';
COMMENT ON COLUMN upload_file.rows_rejected IS 'Rows rejected, see rejected_row';
COMMENT ON COLUMN upload_file.rows_blank IS 'Blank rows between the header and the last data row, skipped';
COMMENT ON COLUMN upload_file.rows_warned IS 'Accepted rows that carry a warning';
COMMENT ON COLUMN upload_file.job_execution_id IS 'Execution that ingested the file';
COMMENT ON COLUMN upload_file.received_at IS 'When the file was ingested';

COMMENT ON TABLE rejected_row IS 'Rows that failed validation, with all reasons and the values as typed (personal data: analysts use analyst_rejected_row)';
COMMENT ON COLUMN rejected_row.file_id IS 'The upload';
COMMENT ON COLUMN rejected_row.row_number IS 'Row number as the spreadsheet shows it';
COMMENT ON COLUMN rejected_row.reasons IS 'Every reason, in Chinese, separated by ；';

COMMENT ON TABLE hazard IS 'One row per distinct hazard, its current state (personal data: analysts use analyst_hazard)';
COMMENT ON COLUMN hazard.hazard_id IS 'Key of the hazard';
COMMENT ON COLUMN hazard.township_code IS 'Township that reported it';
COMMENT ON COLUMN hazard.identity_key IS 'SHA-256 of its identity: 隐患编号, or village, category, normalized address and description';
COMMENT ON COLUMN hazard.village_code IS 'Village or community; NULL for a functional zone''s hazard counted at township level';
COMMENT ON COLUMN hazard.category IS 'Category code';
COMMENT ON COLUMN hazard.status IS 'RECTIFIED (已整改), UNRECTIFIED (未整改) or IN_PROGRESS (整改中), from the newest upload';
COMMENT ON COLUMN hazard.found_on IS '排查日期';
COMMENT ON COLUMN hazard.rectified_on IS '整改日期, when RECTIFIED';
COMMENT ON COLUMN hazard.regressed IS 'True once an upload turned it from 已整改 back to not rectified (flagged, accepted)';
COMMENT ON COLUMN hazard.first_file_id IS 'The upload that first reported it';
COMMENT ON COLUMN hazard.last_file_id IS 'The newest upload that reported it';
COMMENT ON COLUMN hazard.last_inbox_date IS 'Inbox date of last_file_id';

COMMENT ON TABLE hazard_history IS 'Every state a hazard took, with the upload that brought it; statistics read the newest state up to the as-of date';
COMMENT ON COLUMN hazard_history.change_kind IS 'NEW, UPDATED or REGRESSED (已整改 back to not rectified)';

COMMENT ON VIEW analyst_hazard IS 'Hazards for analysts: names resolved, inspector and contact masked';
COMMENT ON VIEW analyst_rejected_row IS 'Rejected rows for analysts: inspector and contact masked';
