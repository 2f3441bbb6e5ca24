-- Each hazard the night's uploads changed, in its newest state from an earlier night (none for a hazard
-- new tonight). Shared by the gaming checks.
-- :asOf is the night.
SELECT b.hazard_id, b.status
FROM (SELECT hh.hazard_id, hh.status,
             ROW_NUMBER() OVER (PARTITION BY hh.hazard_id ORDER BY hh.inbox_date DESC, f.upload_order DESC) AS newest
      FROM hazard_history hh JOIN upload_file f ON f.file_id = hh.file_id
      WHERE hh.inbox_date < :asOf
        AND hh.hazard_id IN (SELECT hazard_id FROM hazard_history WHERE inbox_date = :asOf)) b
WHERE b.newest = 1
