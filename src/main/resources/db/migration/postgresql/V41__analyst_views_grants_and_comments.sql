-- The analysts read the new views and flag tables; the views' columns are documented here
-- (PostgreSQL only: H2 cannot comment on view columns). snapshot_file is read through
-- snapshot_source; the flags name hazards by id, whose details analysts read in analyst_hazard.
GRANT SELECT ON latest_snapshot, township_trend, township_metric, ranking_change, snapshot_source,
    snapshot_file, snapshot_flag, snapshot_flag_hazard TO campaign_analyst;

COMMENT ON COLUMN latest_snapshot.campaign_id IS 'Campaign id';
COMMENT ON COLUMN latest_snapshot.snapshot_id IS 'Its newest snapshot';
COMMENT ON COLUMN latest_snapshot.as_of IS 'As-of date of that snapshot';
COMMENT ON COLUMN latest_snapshot.campaign_name IS 'Campaign name';
COMMENT ON COLUMN latest_snapshot.created_at IS 'When that snapshot was published';

COMMENT ON COLUMN township_trend.campaign_id IS 'Campaign id';
COMMENT ON COLUMN township_trend.as_of IS 'As-of date of the snapshot';
COMMENT ON COLUMN township_trend.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN township_trend.township_code IS 'Township code';
COMMENT ON COLUMN township_trend.township_name IS 'Township name at publication';
COMMENT ON COLUMN township_trend.category IS 'Category code';
COMMENT ON COLUMN township_trend.hazards_found IS '排查数 as of the date';
COMMENT ON COLUMN township_trend.hazards_rectified IS '已整改数 as of the date';
COMMENT ON COLUMN township_trend.rectification_rate IS '整改率 (0..1), NULL when nothing found';
COMMENT ON COLUMN township_trend.found_position IS 'Position by hazards_found, most first; equal values share a position, as in township_ranking';
COMMENT ON COLUMN township_trend.rate_position IS 'Position by rectification_rate, highest first, among townships that found something; NULL when nothing found';
COMMENT ON COLUMN township_trend.hazards_open IS 'hazards_found - hazards_rectified';

COMMENT ON COLUMN township_metric.campaign_id IS 'Campaign id';
COMMENT ON COLUMN township_metric.as_of IS 'As-of date of the snapshot';
COMMENT ON COLUMN township_metric.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN township_metric.township_code IS 'Township code';
COMMENT ON COLUMN township_metric.township_name IS 'Township name at publication';
COMMENT ON COLUMN township_metric.category IS 'Category code';
COMMENT ON COLUMN township_metric.metric IS 'hazards_found or rectification_rate';
COMMENT ON COLUMN township_metric.value IS 'The metric''s value (a count, or a rate 0..1; NULL rate when nothing found)';
COMMENT ON COLUMN township_metric.position IS 'Position by that metric, best first, as in township_trend';
COMMENT ON COLUMN township_metric.in_top IS 'On the published top-N list of that metric';
COMMENT ON COLUMN township_metric.in_bottom IS 'On the published bottom-N list of that metric';

COMMENT ON COLUMN ranking_change.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN ranking_change.previous_snapshot_id IS 'The nearest earlier snapshot of the same campaign';
COMMENT ON COLUMN ranking_change.township_code IS 'Township code';
COMMENT ON COLUMN ranking_change.township_name IS 'Township name at publication';
COMMENT ON COLUMN ranking_change.category IS 'Category code';
COMMENT ON COLUMN ranking_change.metric IS 'hazards_found or rectification_rate';
COMMENT ON COLUMN ranking_change.value IS 'Value in this snapshot';
COMMENT ON COLUMN ranking_change.previous_value IS 'Value in the previous snapshot';
COMMENT ON COLUMN ranking_change.delta IS 'value - previous_value (NULL when either is NULL)';
COMMENT ON COLUMN ranking_change.position IS 'Position now, best first';
COMMENT ON COLUMN ranking_change.previous_position IS 'Position in the previous snapshot';
COMMENT ON COLUMN ranking_change.entered_list IS 'top or bottom: on that published list now and not before; NULL otherwise';
COMMENT ON COLUMN ranking_change.left_list IS 'top or bottom: on that published list before and not now; NULL otherwise';
COMMENT ON COLUMN ranking_change.campaign_id IS 'Campaign id';
COMMENT ON COLUMN ranking_change.as_of IS 'As-of date of the snapshot';
COMMENT ON COLUMN ranking_change.previous_as_of IS 'As-of date of the previous snapshot';

COMMENT ON COLUMN snapshot_source.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN snapshot_source.file_id IS 'An upload file its figures rest on';
COMMENT ON COLUMN snapshot_source.township_code IS 'Township that uploaded it';
COMMENT ON COLUMN snapshot_source.inbox_date IS 'Night of the upload (older than as_of for a township that sent nothing newer)';
COMMENT ON COLUMN snapshot_source.file_name IS 'File name as uploaded';
COMMENT ON COLUMN snapshot_source.sha256 IS 'SHA-256 of the file''s content';
COMMENT ON COLUMN snapshot_source.rows_accepted IS 'Rows of the file accepted';
COMMENT ON COLUMN snapshot_source.hazards IS 'Counted hazards this file reported on the newest night (up to the snapshot date) that reported them';
COMMENT ON COLUMN snapshot_source.township_folder IS 'Inbox folder the file came from';
COMMENT ON COLUMN snapshot_source.status IS 'Upload status (LOADED)';
