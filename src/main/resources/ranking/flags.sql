-- Gaming checks (回头看) of the night's uploads, for the snapshot being published. Each check puts
-- the hazards of concern into work_flag_hazard, one row each, and the others it looked at (the base of
-- the share) as one counted row per township, so that a night does not write a row for each of its open
-- hazards; the tasklet applies the campaign's thresholds to the counts. Only hazards the snapshot
-- counts take part.
-- Parameters: :snapshotId, :asOf, and those of statistics/counted_hazards.sql; the night's changes and
-- the states before them come from ranking/night_change.sql and ranking/state_before_night.sql.

-- Bulk: hazards open before the night that the night's uploads report 已整改. A hazard the night did
-- not change was open before it when it is open now; only the night's changed hazards need the
-- newest earlier state from their history.
INSERT INTO work_flag_hazard (snapshot_id, township_code, kind, hazard_id, concerned, hazards)
SELECT :snapshotId, c.township_code, 'BULK_RECTIFICATION', c.hazard_id, c.concerned, COUNT(*)
FROM (SELECT w.township_code, CASE WHEN n.status = 'RECTIFIED' THEN w.hazard_id END AS hazard_id,
             CASE WHEN n.status = 'RECTIFIED' THEN TRUE ELSE FALSE END AS concerned
FROM ({counted_hazards}) w
LEFT JOIN ({night_change}) n ON n.hazard_id = w.hazard_id
LEFT JOIN ({state_before_night}) p ON p.hazard_id = w.hazard_id
WHERE CASE WHEN n.hazard_id IS NULL THEN w.status ELSE p.status END <> 'RECTIFIED') c
GROUP BY c.township_code, c.hazard_id, c.concerned;

-- Same day: of the hazards the night's uploads report 已整改 for the first time (new, or not
-- rectified before), those rectified on the day they were found.
INSERT INTO work_flag_hazard (snapshot_id, township_code, kind, hazard_id, concerned, hazards)
SELECT :snapshotId, c.township_code, 'SAME_DAY_RECTIFICATION', c.hazard_id, c.concerned, COUNT(*)
FROM (SELECT w.township_code, CASE WHEN n.rectified_on = n.found_on THEN w.hazard_id END AS hazard_id,
             CASE WHEN n.rectified_on = n.found_on THEN TRUE ELSE FALSE END AS concerned
FROM ({counted_hazards}) w
JOIN ({night_change}) n ON n.hazard_id = w.hazard_id
LEFT JOIN ({state_before_night}) p ON p.hazard_id = w.hazard_id
WHERE n.status = 'RECTIFIED'
  AND (p.hazard_id IS NULL OR p.status <> 'RECTIFIED')) c
GROUP BY c.township_code, c.hazard_id, c.concerned;

-- Backdated: reported 已整改 tonight with a rectification date before the night of an earlier
-- upload whose row (changed or not) still said it was open.
INSERT INTO work_flag_hazard (snapshot_id, township_code, kind, hazard_id, concerned, hazards)
SELECT :snapshotId, w.township_code, 'BACKDATED_RECTIFICATION', w.hazard_id, TRUE, 1
FROM ({counted_hazards}) w
JOIN ({night_change}) n ON n.hazard_id = w.hazard_id
WHERE n.status = 'RECTIFIED'
  -- Only a township with an earlier upload can have one: checked once, not per hazard (on a first
  -- night every hazard is new).
  AND w.township_code IN (SELECT township_code FROM upload_file WHERE status = 'LOADED' AND inbox_date < :asOf)
  AND n.rectified_on < (SELECT MAX(f.inbox_date) FROM validated_row v JOIN upload_file f ON f.file_id = v.file_id
                        WHERE v.township_code = w.township_code AND v.identity_key = w.identity_key
                          AND v.status <> 'RECTIFIED' AND f.inbox_date < :asOf);

-- Regression: 已整改 taken back to not rectified by the night's uploads.
INSERT INTO work_flag_hazard (snapshot_id, township_code, kind, hazard_id, concerned, hazards)
SELECT DISTINCT :snapshotId, w.township_code, 'REGRESSION', w.hazard_id, TRUE, 1
FROM ({counted_hazards}) w
JOIN hazard_history hh ON hh.hazard_id = w.hazard_id AND hh.inbox_date = :asOf AND hh.change_kind = 'REGRESSED';
