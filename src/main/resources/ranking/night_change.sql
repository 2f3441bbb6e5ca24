-- Each hazard the night's uploads changed, in the state its last change of the night gave it (a
-- township's files of one night apply in upload order, not in the order of their ids). Shared by the
-- gaming checks. :asOf is the night.
SELECT c.hazard_id, c.status, c.found_on, c.rectified_on
FROM (SELECT hh.hazard_id, hh.status, hh.found_on, hh.rectified_on,
             ROW_NUMBER() OVER (PARTITION BY hh.hazard_id ORDER BY f.upload_order DESC) AS newest
      FROM hazard_history hh JOIN upload_file f ON f.file_id = hh.file_id
      WHERE hh.inbox_date = :asOf) c
WHERE c.newest = 1
