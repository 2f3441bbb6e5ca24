-- Each counted hazard in the state its newest upload up to the as-of date gave it (the same rule as
-- the statistics), for the gaming checks and the files the snapshot rests on.
DELETE FROM work_hazard_state WHERE campaign_id = :campaignId AND as_of = :asOf;

INSERT INTO work_hazard_state (campaign_id, as_of, hazard_id, township_code, village_code, category, rectified)
SELECT :campaignId, :asOf, k.hazard_id, h.township_code, k.village_code, k.category,
       CASE WHEN k.status = 'RECTIFIED' AND k.rectified_on <= :asOf THEN TRUE ELSE FALSE END
FROM (SELECT hh.hazard_id, hh.village_code, hh.category, hh.status, hh.found_on, hh.rectified_on,
             ROW_NUMBER() OVER (PARTITION BY hh.hazard_id ORDER BY hh.inbox_date DESC, hh.file_id DESC) AS newest
      FROM hazard_history hh WHERE hh.inbox_date <= :asOf) k
JOIN hazard h ON h.hazard_id = k.hazard_id
WHERE k.newest = 1 AND k.found_on BETWEEN :start AND :lastFound
  AND k.category IN (:categories) AND h.township_code IN (:townships);
