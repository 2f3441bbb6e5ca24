-- Per-township and per-village figures for one campaign and as-of date, set-based.
-- Parameters: :campaignId, :asOf, :start, :lastFound (the as-of date, capped at the campaign's end),
-- :categories and :townships (the campaign's codes).

DELETE FROM work_hazard_group WHERE campaign_id = :campaignId AND as_of = :asOf;

DELETE FROM work_township_stats WHERE campaign_id = :campaignId AND as_of = :asOf;

DELETE FROM work_village_stats WHERE campaign_id = :campaignId AND as_of = :asOf;

-- Each hazard counts in the state its newest upload up to the as-of date gave it, so recomputing an
-- old date after later nights gives the figures that date had. Counted straight into groups: a few
-- thousand rows, not one per hazard.
INSERT INTO work_hazard_group (campaign_id, as_of, township_code, village_code, category, hazards_found,
                               hazards_rectified)
SELECT :campaignId, :asOf, k.township_code, k.village_code, k.category, COUNT(*),
       COUNT(CASE WHEN k.status = 'RECTIFIED' AND k.rectified_on <= :asOf THEN 1 END)
FROM ({counted_hazards}) k
GROUP BY k.township_code, k.village_code, k.category;

INSERT INTO work_township_stats (campaign_id, as_of, township_code, category, hazards_found, hazards_rectified)
SELECT :campaignId, :asOf, t.township_code, c.category,
       COALESCE(SUM(g.hazards_found), 0), COALESCE(SUM(g.hazards_rectified), 0)
FROM region_township t
CROSS JOIN category c
LEFT JOIN work_hazard_group g ON g.campaign_id = :campaignId AND g.as_of = :asOf
     AND g.township_code = t.township_code AND g.category = c.category
WHERE t.township_code IN (:townships) AND c.category IN (:categories)
GROUP BY t.township_code, c.category;

INSERT INTO work_village_stats (campaign_id, as_of, village_code, category, hazards_found, hazards_rectified)
SELECT :campaignId, :asOf, v.village_code, c.category,
       COALESCE(SUM(g.hazards_found), 0), COALESCE(SUM(g.hazards_rectified), 0)
FROM region_village v
CROSS JOIN category c
LEFT JOIN work_hazard_group g ON g.campaign_id = :campaignId AND g.as_of = :asOf
     AND g.village_code = v.village_code AND g.category = c.category
WHERE v.township_code IN (:townships) AND c.category IN (:categories)
GROUP BY v.village_code, c.category;

DELETE FROM work_hazard_group WHERE campaign_id = :campaignId AND as_of = :asOf;
