-- Publishes a snapshot from the work figures. Runs in the same transaction that
-- deleted the date's previous snapshot and inserted the new snapshot row, so readers see the old
-- snapshot or the new one, never a mix. Parameters: :snapshotId, :campaignId, :asOf, :rankingSize,
-- :laggingCategory, :laggingVillages, :laggingCommunities, :minFound.

INSERT INTO township_stats (snapshot_id, township_code, township_name, category, hazards_found, hazards_rectified,
                            rectification_rate)
SELECT :snapshotId, w.township_code, t.township_name, w.category, w.hazards_found, w.hazards_rectified,
       CASE WHEN w.hazards_found > 0
            THEN CAST(CAST(w.hazards_rectified AS DECIMAL(24, 12)) / w.hazards_found AS DECIMAL(11, 10)) END
FROM work_township_stats w
JOIN region_township t ON t.township_code = w.township_code
WHERE w.campaign_id = :campaignId AND w.as_of = :asOf;

INSERT INTO village_stats (snapshot_id, township_code, village_code, village_name, village_kind, category,
                           hazards_found, hazards_rectified, rectification_rate)
SELECT :snapshotId, v.township_code, w.village_code, v.village_name, v.village_kind, w.category, w.hazards_found,
       w.hazards_rectified,
       CASE WHEN w.hazards_found > 0
            THEN CAST(CAST(w.hazards_rectified AS DECIMAL(24, 12)) / w.hazards_found AS DECIMAL(11, 10)) END
FROM work_village_stats w
JOIN region_village v ON v.village_code = w.village_code
WHERE w.campaign_id = :campaignId AND w.as_of = :asOf;

-- Rankings: RANK() gives equal values one position (a tie), and a list holds every township whose
-- position is within N, so a tie at the edge is never cut by name. Top lists run best first,
-- bottom lists worst first.
INSERT INTO township_ranking (snapshot_id, category, metric, side, position, township_code, township_name, value, tied)
SELECT :snapshotId, category, 'hazards_found', 'top', position, township_code, township_name, hazards_found, tied
FROM (SELECT s.*, RANK() OVER (PARTITION BY category ORDER BY hazards_found DESC) AS position,
             COUNT(*) OVER (PARTITION BY category, hazards_found) > 1 AS tied
      FROM township_stats s WHERE snapshot_id = :snapshotId) r
WHERE position <= :rankingSize;

INSERT INTO township_ranking (snapshot_id, category, metric, side, position, township_code, township_name, value, tied)
SELECT :snapshotId, category, 'hazards_found', 'bottom', position, township_code, township_name, hazards_found, tied
FROM (SELECT s.*, RANK() OVER (PARTITION BY category ORDER BY hazards_found ASC) AS position,
             COUNT(*) OVER (PARTITION BY category, hazards_found) > 1 AS tied
      FROM township_stats s WHERE snapshot_id = :snapshotId) r
WHERE position <= :rankingSize;

-- Rate rankings leave out townships with nothing found: their rate is undefined.
INSERT INTO township_ranking (snapshot_id, category, metric, side, position, township_code, township_name, value, tied)
SELECT :snapshotId, category, 'rectification_rate', 'top', position, township_code, township_name, rectification_rate,
       tied
FROM (SELECT s.*, RANK() OVER (PARTITION BY category ORDER BY rectification_rate DESC) AS position,
             COUNT(*) OVER (PARTITION BY category, rectification_rate) > 1 AS tied
      FROM township_stats s WHERE snapshot_id = :snapshotId AND hazards_found > 0) r
WHERE position <= :rankingSize;

INSERT INTO township_ranking (snapshot_id, category, metric, side, position, township_code, township_name, value, tied)
SELECT :snapshotId, category, 'rectification_rate', 'bottom', position, township_code, township_name,
       rectification_rate, tied
FROM (SELECT s.*, RANK() OVER (PARTITION BY category ORDER BY rectification_rate ASC) AS position,
             COUNT(*) OVER (PARTITION BY category, rectification_rate) > 1 AS tied
      FROM township_stats s WHERE snapshot_id = :snapshotId AND hazards_found > 0) r
WHERE position <= :rankingSize;

-- Lagging lists: lowest rate first; ties go to more unrectified, then more found, then the lower code.
INSERT INTO lagging_village (snapshot_id, category, village_kind, position, township_code, township_name, village_code,
                             village_name, hazards_found, hazards_rectified, rectification_rate)
SELECT :snapshotId, category, village_kind, position, township_code, township_name, village_code, village_name,
       hazards_found, hazards_rectified, rectification_rate
FROM (SELECT v.*, t.township_name,
             ROW_NUMBER() OVER (PARTITION BY v.village_kind
                                ORDER BY v.rectification_rate ASC, v.hazards_found - v.hazards_rectified DESC,
                                         v.hazards_found DESC, v.village_code ASC) AS position
      FROM village_stats v
      JOIN region_township t ON t.township_code = v.township_code
      WHERE v.snapshot_id = :snapshotId AND v.category = :laggingCategory AND v.hazards_found >= :minFound
        AND v.hazards_rectified < v.hazards_found) l
WHERE (village_kind = '村' AND position <= :laggingVillages)
   OR (village_kind = '社区' AND position <= :laggingCommunities);

-- The files the figures rest on: for each counted hazard, every file of the newest night up to the
-- date that reported it (changed or not), so a township that sent nothing that night shows its
-- older file. For a hazard last reported on or before the date that night is known (reported_on)
-- and so is its last file; another file of its township that night counts when it has the hazard's row.
INSERT INTO snapshot_file (snapshot_id, file_id, township_code, hazards)
SELECT :snapshotId, r.file_id, r.township_code, COUNT(DISTINCT r.hazard_id)
FROM (SELECT w.hazard_id, w.township_code, f.file_id
      FROM ({counted_hazards}) w
      JOIN upload_file f ON f.township_code = w.township_code AND f.inbox_date = w.reported_on
                        AND f.status = 'LOADED'
      WHERE f.file_id = w.last_file_id
         OR EXISTS (SELECT 1 FROM validated_row v WHERE v.file_id = f.file_id
                    AND v.township_code = w.township_code AND v.identity_key = w.identity_key)
      UNION ALL
      -- A hazard reported again after the date (an older date recomputed): its rows up to the date.
      SELECT l.hazard_id, l.township_code, l.file_id
      FROM (SELECT w.hazard_id, w.township_code, v.file_id,
                   RANK() OVER (PARTITION BY w.hazard_id ORDER BY f.inbox_date DESC) AS newest
            FROM ({counted_hazards}) w
            JOIN validated_row v ON v.township_code = w.township_code AND v.identity_key = w.identity_key
            JOIN upload_file f ON f.file_id = v.file_id AND f.inbox_date <= :asOf
            WHERE w.reported_on IS NULL) l
      WHERE l.newest = 1) r
GROUP BY r.file_id, r.township_code;
