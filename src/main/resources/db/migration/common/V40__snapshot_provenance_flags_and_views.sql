-- What analysts asked for after the first bulletins: where a snapshot comes from (settings,
-- registry and template fingerprints, program version, the upload files its figures rest on), the
-- gaming checks of the ranking step, and views for the common questions (newest snapshot, trend,
-- what moved since the previous snapshot, which files). Portable SQL for PostgreSQL and H2.

ALTER TABLE snapshot ADD COLUMN settings VARCHAR;
ALTER TABLE snapshot ADD COLUMN registry_fingerprint VARCHAR(64);
ALTER TABLE snapshot ADD COLUMN template_fingerprint VARCHAR(64);
ALTER TABLE snapshot ADD COLUMN program_version VARCHAR(100);

-- Per snapshot and township: the files whose accepted rows hold the newest state of a counted hazard
-- (the files of the newest night, up to the date, that reported it).
CREATE TABLE snapshot_file (
    snapshot_id    BIGINT NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    file_id        BIGINT NOT NULL REFERENCES upload_file (file_id),
    township_code  VARCHAR(20) NOT NULL,
    hazards        INT NOT NULL,
    PRIMARY KEY (snapshot_id, file_id)
);

-- Gaming checks (回头看): per snapshot, township and kind, what the night's upload did that
-- deserves a second look; not published in the bulletin.
CREATE TABLE snapshot_flag (
    snapshot_id    BIGINT NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    township_code  VARCHAR(20) NOT NULL,
    township_name  VARCHAR(50) NOT NULL,
    kind           VARCHAR(30) NOT NULL CHECK (kind IN ('BULK_RECTIFICATION', 'BACKDATED_RECTIFICATION',
                                                       'REGRESSION', 'SAME_DAY_RECTIFICATION')),
    hazards        INT NOT NULL,
    base           INT NOT NULL,
    share          DECIMAL(11, 10),
    detail         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (snapshot_id, township_code, kind)
);

CREATE TABLE snapshot_flag_hazard (
    snapshot_id    BIGINT NOT NULL,
    township_code  VARCHAR(20) NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    hazard_id      BIGINT NOT NULL REFERENCES hazard (hazard_id),
    PRIMARY KEY (snapshot_id, kind, hazard_id),
    FOREIGN KEY (snapshot_id, township_code, kind) REFERENCES snapshot_flag (snapshot_id, township_code, kind)
        ON DELETE CASCADE
);

CREATE VIEW latest_snapshot AS
SELECT n.campaign_id, n.snapshot_id, n.as_of, n.campaign_name, n.created_at
FROM snapshot n
WHERE n.as_of = (SELECT MAX(m.as_of) FROM snapshot m WHERE m.campaign_id = n.campaign_id);

-- Positions as in the rankings: best first, equal values share one (RANK); a township with nothing
-- found has no rate and no rate position.
CREATE VIEW township_trend AS
SELECT n.campaign_id, n.as_of, s.snapshot_id, s.township_code, s.township_name, s.category,
       s.hazards_found, s.hazards_rectified, s.rectification_rate,
       RANK() OVER (PARTITION BY s.snapshot_id, s.category ORDER BY s.hazards_found DESC) AS found_position,
       CASE WHEN s.rectification_rate IS NOT NULL
            THEN RANK() OVER (PARTITION BY s.snapshot_id, s.category
                              ORDER BY s.rectification_rate DESC NULLS LAST) END AS rate_position,
       s.hazards_found - s.hazards_rectified AS hazards_open
FROM township_stats s
JOIN snapshot n ON n.snapshot_id = s.snapshot_id;

-- Both ranking metrics of every township figure, one row each, with the position and whether the
-- township is on the published top or bottom list of that snapshot.
CREATE VIEW township_metric AS
SELECT t.campaign_id, t.as_of, t.snapshot_id, t.township_code, t.township_name, t.category, m.metric,
       CASE WHEN m.metric = 'hazards_found' THEN t.hazards_found ELSE t.rectification_rate END AS value,
       CASE WHEN m.metric = 'hazards_found' THEN t.found_position ELSE t.rate_position END AS position,
       EXISTS (SELECT 1 FROM township_ranking r WHERE r.snapshot_id = t.snapshot_id AND r.category = t.category
               AND r.metric = m.metric AND r.side = 'top' AND r.township_code = t.township_code) AS in_top,
       EXISTS (SELECT 1 FROM township_ranking r WHERE r.snapshot_id = t.snapshot_id AND r.category = t.category
               AND r.metric = m.metric AND r.side = 'bottom' AND r.township_code = t.township_code) AS in_bottom
FROM township_trend t
CROSS JOIN (VALUES ('hazards_found'), ('rectification_rate')) AS m (metric);

-- Each snapshot against the nearest earlier snapshot of its campaign, per township, category and
-- metric; entered_list / left_list compare the published top and bottom lists of the two.
CREATE VIEW ranking_change AS
SELECT c.snapshot_id, q.previous_snapshot_id, c.township_code, c.township_name, c.category, c.metric,
       c.value, p.value AS previous_value, c.value - p.value AS delta, c.position, p.position AS previous_position,
       CASE WHEN c.in_top AND NOT p.in_top THEN 'top'
            WHEN c.in_bottom AND NOT p.in_bottom THEN 'bottom' END AS entered_list,
       CASE WHEN p.in_top AND NOT c.in_top THEN 'top'
            WHEN p.in_bottom AND NOT c.in_bottom THEN 'bottom' END AS left_list,
       c.campaign_id, c.as_of, q.previous_as_of
FROM township_metric c
JOIN (SELECT snapshot_id,
             LAG(snapshot_id) OVER (PARTITION BY campaign_id ORDER BY as_of) AS previous_snapshot_id,
             LAG(as_of) OVER (PARTITION BY campaign_id ORDER BY as_of) AS previous_as_of
      FROM snapshot) q ON q.snapshot_id = c.snapshot_id
JOIN township_metric p ON p.snapshot_id = q.previous_snapshot_id AND p.township_code = c.township_code
 AND p.category = c.category AND p.metric = c.metric;

CREATE VIEW snapshot_source AS
SELECT s.snapshot_id, f.file_id, s.township_code, f.inbox_date, f.file_name, f.sha256, f.rows_accepted,
       s.hazards, f.township_folder, f.status
FROM snapshot_file s
JOIN upload_file f ON f.file_id = s.file_id;

COMMENT ON COLUMN snapshot.settings IS 'The campaign settings the snapshot was computed with, as JSON: dates, categories, townships, ranking size, lagging rules, flag thresholds';
COMMENT ON COLUMN snapshot.registry_fingerprint IS 'SHA-256 over the registry files used (jobs/regions/townships.csv, villages.csv): a registry fix changes it';
COMMENT ON COLUMN snapshot.template_fingerprint IS 'SHA-256 of the bulletin template used (jobs/bulletin/bulletin.yml)';
COMMENT ON COLUMN snapshot.program_version IS 'Version of campaign-pipeline that computed the snapshot';

COMMENT ON TABLE snapshot_file IS 'Per snapshot: the upload files whose accepted rows hold the newest state of a counted hazard (read it through snapshot_source)';
COMMENT ON COLUMN snapshot_file.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN snapshot_file.file_id IS 'The upload file';
COMMENT ON COLUMN snapshot_file.township_code IS 'Township that uploaded it';
COMMENT ON COLUMN snapshot_file.hazards IS 'Counted hazards this file reported on the newest night (up to the snapshot date) that reported them';

COMMENT ON TABLE snapshot_flag IS 'Gaming checks (回头看) of a snapshot: what a township''s upload of that night did that deserves a second look. Internal: shown in tables.xlsx and the console, never in the bulletin';
COMMENT ON COLUMN snapshot_flag.snapshot_id IS 'The snapshot (its as_of is the night of the upload)';
COMMENT ON COLUMN snapshot_flag.township_code IS 'Township flagged';
COMMENT ON COLUMN snapshot_flag.township_name IS 'Township name at publication';
COMMENT ON COLUMN snapshot_flag.kind IS 'BULK_RECTIFICATION (a large share of open hazards reported rectified in one night), BACKDATED_RECTIFICATION (rectified on a date before an earlier upload that still reported it open), REGRESSION (已整改 back to not rectified), SAME_DAY_RECTIFICATION (an unusual share rectified on the day found)';
COMMENT ON COLUMN snapshot_flag.hazards IS 'Hazards concerned, listed in snapshot_flag_hazard';
COMMENT ON COLUMN snapshot_flag.base IS 'What the share is of: open hazards before the night (bulk), hazards reported rectified that night (same day), else equal to hazards';
COMMENT ON COLUMN snapshot_flag.share IS 'hazards / base (0..1)';
COMMENT ON COLUMN snapshot_flag.detail IS 'What was seen, in Chinese, with the threshold that was crossed';

COMMENT ON TABLE snapshot_flag_hazard IS 'The hazards behind each snapshot_flag row';
COMMENT ON COLUMN snapshot_flag_hazard.snapshot_id IS 'The snapshot';
COMMENT ON COLUMN snapshot_flag_hazard.township_code IS 'Township flagged';
COMMENT ON COLUMN snapshot_flag_hazard.kind IS 'Kind of the flag, as in snapshot_flag';
COMMENT ON COLUMN snapshot_flag_hazard.hazard_id IS 'The hazard (analyst_hazard has its details, masked)';

COMMENT ON VIEW latest_snapshot IS 'The newest snapshot of each campaign';
COMMENT ON VIEW township_trend IS 'Every snapshot''s township figures with their ranking positions, for trends across nights';
COMMENT ON VIEW township_metric IS 'township_trend with one row per ranking metric (hazards_found, rectification_rate): value, position, and whether on the published top / bottom list';
COMMENT ON VIEW ranking_change IS 'Each snapshot against the nearest earlier one of its campaign: values, positions, and who entered or left the published top and bottom lists';
COMMENT ON VIEW snapshot_source IS 'The upload files a snapshot''s figures rest on, per township (a township that sent nothing that night shows its older files)';

-- Work table of the gaming checks, filled and emptied within the ranking step's transaction: per
-- check, the hazards it looked at (the share's base) and whether each is one of concern.
CREATE TABLE work_flag_hazard (
    snapshot_id    BIGINT NOT NULL,
    township_code  VARCHAR(20) NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    hazard_id      BIGINT NOT NULL,
    concerned      BOOLEAN NOT NULL,
    PRIMARY KEY (snapshot_id, kind, hazard_id)
);
COMMENT ON TABLE work_flag_hazard IS 'Work table of the ranking step''s gaming checks (empty between runs): the hazards each check looked at';
COMMENT ON COLUMN work_flag_hazard.snapshot_id IS 'The snapshot being published';
COMMENT ON COLUMN work_flag_hazard.township_code IS 'Township';
COMMENT ON COLUMN work_flag_hazard.kind IS 'Kind of check, as in snapshot_flag';
COMMENT ON COLUMN work_flag_hazard.hazard_id IS 'A hazard the check looked at';
COMMENT ON COLUMN work_flag_hazard.concerned IS 'True when the hazard is one of concern (counted in snapshot_flag.hazards), false when it only counts in the base';
