-- The hazards a campaign counts as of :asOf (found from :start to :lastFound, of :categories and
-- :townships), each in the state its newest upload up to that date gave it: statistics and ranking
-- share it. A hazard last reported on or before the date is in that
-- state now (hazard holds it, with the night and file that last reported it: reported_on,
-- last_file_id). Only one reported again after the date (an older date recomputed) needs its
-- history, so a night's cost does not grow with the nights before it.
SELECT h.hazard_id, h.township_code, h.identity_key, h.village_code, h.category, h.status, h.rectified_on,
       h.last_inbox_date AS reported_on, h.last_file_id
FROM hazard h
WHERE h.last_inbox_date <= :asOf AND h.found_on BETWEEN :start AND :lastFound
  AND h.category IN (:categories) AND h.township_code IN (:townships)
UNION ALL
SELECT s.hazard_id, s.township_code, s.identity_key, s.village_code, s.category, s.status, s.rectified_on,
       CAST(NULL AS DATE), CAST(NULL AS BIGINT)
FROM (SELECT h.hazard_id, h.township_code, h.identity_key, hh.village_code, hh.category, hh.status, hh.found_on,
             hh.rectified_on,
             ROW_NUMBER() OVER (PARTITION BY hh.hazard_id ORDER BY hh.inbox_date DESC, f.upload_order DESC) AS newest
      FROM hazard h JOIN hazard_history hh ON hh.hazard_id = h.hazard_id JOIN upload_file f ON f.file_id = hh.file_id
      WHERE h.last_inbox_date > :asOf AND hh.inbox_date <= :asOf) s
WHERE s.newest = 1 AND s.found_on BETWEEN :start AND :lastFound
  AND s.category IN (:categories) AND s.township_code IN (:townships)
