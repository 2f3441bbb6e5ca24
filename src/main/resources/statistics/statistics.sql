-- Per-township and per-village figures for one campaign and as-of date (SPEC §7), set-based.
-- Parameters: :campaignId, :asOf, :start, :lastFound (the as-of date, capped at the campaign's end),
-- :categories and :townships (the campaign's codes).

-- work_hazard_state holds one run's hazards only (emptied again at the end), so its size and the cost of
-- reading it never grow with the nights already run.
DELETE FROM work_hazard_state WHERE campaign_id = :campaignId AND as_of = :asOf;

DELETE FROM work_township_stats WHERE campaign_id = :campaignId AND as_of = :asOf;

DELETE FROM work_village_stats WHERE campaign_id = :campaignId AND as_of = :asOf;

-- Each hazard counts in the state its newest upload up to the as-of date gave it, so recomputing an
-- old date after later nights gives the figures that date had.
INSERT INTO work_hazard_state (campaign_id, as_of, hazard_id, township_code, village_code, category, rectified)
SELECT :campaignId, :asOf, k.hazard_id, h.township_code, k.village_code, k.category,
       CASE WHEN k.status = 'RECTIFIED' AND k.rectified_on <= :asOf THEN TRUE ELSE FALSE END
FROM (SELECT hh.hazard_id, hh.village_code, hh.category, hh.status, hh.found_on, hh.rectified_on,
             ROW_NUMBER() OVER (PARTITION BY hh.hazard_id ORDER BY hh.inbox_date DESC, hh.file_id DESC) AS newest
      FROM hazard_history hh WHERE hh.inbox_date <= :asOf) k
JOIN hazard h ON h.hazard_id = k.hazard_id
WHERE k.newest = 1 AND k.found_on BETWEEN :start AND :lastFound
  AND k.category IN (:categories) AND h.township_code IN (:townships);

INSERT INTO work_township_stats (campaign_id, as_of, township_code, category, hazards_found, hazards_rectified)
SELECT :campaignId, :asOf, t.township_code, c.category,
       COUNT(s.hazard_id), COUNT(CASE WHEN s.rectified THEN 1 END)
FROM region_township t
CROSS JOIN category c
LEFT JOIN work_hazard_state s ON s.campaign_id = :campaignId AND s.as_of = :asOf
     AND s.township_code = t.township_code AND s.category = c.category
WHERE t.township_code IN (:townships) AND c.category IN (:categories)
GROUP BY t.township_code, c.category;

INSERT INTO work_village_stats (campaign_id, as_of, village_code, category, hazards_found, hazards_rectified)
SELECT :campaignId, :asOf, v.village_code, c.category,
       COUNT(s.hazard_id), COUNT(CASE WHEN s.rectified THEN 1 END)
FROM region_village v
CROSS JOIN category c
LEFT JOIN work_hazard_state s ON s.campaign_id = :campaignId AND s.as_of = :asOf
     AND s.village_code = v.village_code AND s.category = c.category
WHERE v.township_code IN (:townships) AND c.category IN (:categories)
GROUP BY v.village_code, c.category;

DELETE FROM work_hazard_state WHERE campaign_id = :campaignId AND as_of = :asOf;
