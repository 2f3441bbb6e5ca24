-- Merges one round of files into hazard, set-based: each township's next file of the night in upload
-- order. A township's hazards are its own (the identity holds the township), so the files of one round
-- never touch the same hazard, and merging them together gives what merging them one by one would.
-- Parameters: :fileIds (the round), :inboxDate. Runs in one transaction per round; running it again for
-- the same files changes nothing. A row's outcome is not written back to each of its million rows: the
-- history it made says NEW, UPDATED or REGRESSED, REPEATED is marked here, and any other row of a merged
-- file is UNCHANGED (the view validated_row_outcome reads it so).

-- The same hazard repeated in one file counts once: its last row stands for it. (EXISTS, not NOT IN: a NOT IN
-- over a whole file's rows that does not fit the planner's hash memory is compared row by row, n² for a file.
-- The later row's file is named as well: the planner does not carry the IN list across the join, and would
-- hash the rows of every night ever validated, a cost that grows with the nights.)
UPDATE validated_row SET outcome = 'REPEATED'
WHERE file_id IN (:fileIds) AND outcome IS NULL
  AND EXISTS (SELECT 1 FROM validated_row later
              WHERE later.file_id IN (:fileIds)
                AND later.file_id = validated_row.file_id AND later.township_code = validated_row.township_code
                AND later.identity_key = validated_row.identity_key AND later.row_number > validated_row.row_number);

-- The order saves a join on the first night: the changes of known hazards are found and applied before
-- the new ones are inserted, and the new ones' first history entries come from the hazards themselves.

-- History of known hazards: every state that differs from the current one (compared before it changes).
INSERT INTO hazard_history (hazard_id, file_id, row_number, inbox_date, change_kind, village_code, category, status,
                            found_on, rectified_on)
SELECT h.hazard_id, v.file_id, v.row_number, :inboxDate,
       CASE WHEN h.status = 'RECTIFIED' AND v.status <> 'RECTIFIED' THEN 'REGRESSED' ELSE 'UPDATED' END,
       v.village_code, v.category, v.status, v.found_on, v.rectified_on
FROM validated_row v
JOIN hazard h ON h.township_code = v.township_code AND h.identity_key = v.identity_key
WHERE v.file_id IN (:fileIds) AND v.outcome IS NULL AND h.first_file_id <> v.file_id
  AND (h.status <> v.status OR h.found_on <> v.found_on OR h.category <> v.category
       OR h.rectified_on IS DISTINCT FROM v.rectified_on OR h.village_code IS DISTINCT FROM v.village_code
       OR COALESCE(v.hazard_ref, h.hazard_ref) IS DISTINCT FROM h.hazard_ref
       OR COALESCE(v.premises, h.premises) IS DISTINCT FROM h.premises
       OR h.address <> v.address OR h.description <> v.description
       OR COALESCE(v.inspector, h.inspector) IS DISTINCT FROM h.inspector
       OR COALESCE(v.contact, h.contact) IS DISTINCT FROM h.contact)
  AND NOT EXISTS (SELECT 1 FROM hazard_history x WHERE x.hazard_id = h.hazard_id AND x.file_id = v.file_id)
  AND (h.last_inbox_date <> :inboxDate
       OR (SELECT upload_order FROM upload_file WHERE file_id = h.last_file_id)
          < (SELECT upload_order FROM upload_file WHERE file_id = v.file_id));

-- The current state follows the newest upload; an older night's file processed late does not undo it.
-- An optional field left blank (or a column the later ledger lacks) keeps what an earlier upload said.
-- A hazard whose state this file or a later file of the same night already gave (a rerun merges the
-- night's files again, in order) is left alone: the earlier file would undo the later one's state and
-- flag a regression that never was. (The same rule keeps such a rerun from adding history above.)
MERGE INTO hazard h
USING (SELECT r.*, f.upload_order FROM validated_row r JOIN upload_file f ON f.file_id = r.file_id
       WHERE r.file_id IN (:fileIds) AND r.outcome IS NULL) v
ON (h.township_code = v.township_code AND h.identity_key = v.identity_key)
WHEN MATCHED AND (h.last_inbox_date < :inboxDate
                  OR (h.last_inbox_date = :inboxDate
                      AND (SELECT upload_order FROM upload_file WHERE file_id = h.last_file_id) < v.upload_order))
THEN UPDATE SET
    hazard_ref = COALESCE(v.hazard_ref, h.hazard_ref), village_code = v.village_code, category = v.category,
    premises = COALESCE(v.premises, h.premises), address = v.address, description = v.description,
    found_on = v.found_on, rectified_on = v.rectified_on,
    inspector = COALESCE(v.inspector, h.inspector), contact = COALESCE(v.contact, h.contact),
    regressed = CASE WHEN h.status = 'RECTIFIED' AND v.status <> 'RECTIFIED' THEN TRUE ELSE h.regressed END,
    status = v.status, last_file_id = v.file_id, last_inbox_date = :inboxDate;

-- Hazards never seen before.
INSERT INTO hazard (township_code, identity_key, hazard_ref, village_code, category, premises, address, description,
                    status, found_on, rectified_on, inspector, contact, regressed, first_file_id, first_row_number,
                    last_file_id, last_inbox_date)
SELECT v.township_code, v.identity_key, v.hazard_ref, v.village_code, v.category, v.premises, v.address,
       v.description, v.status, v.found_on, v.rectified_on, v.inspector, v.contact, FALSE, v.file_id, v.row_number,
       v.file_id, :inboxDate
FROM validated_row v
WHERE v.file_id IN (:fileIds) AND v.outcome IS NULL
  AND NOT EXISTS (SELECT 1 FROM hazard h WHERE h.township_code = v.township_code AND h.identity_key = v.identity_key);

-- Their first state, from the hazard itself (no second join with the rows that made it).
INSERT INTO hazard_history (hazard_id, file_id, row_number, inbox_date, change_kind, village_code, category, status,
                            found_on, rectified_on)
SELECT h.hazard_id, h.first_file_id, h.first_row_number, :inboxDate, 'NEW', h.village_code, h.category, h.status,
       h.found_on, h.rectified_on
FROM hazard h
WHERE h.first_file_id IN (:fileIds)
  AND NOT EXISTS (SELECT 1 FROM hazard_history x WHERE x.hazard_id = h.hazard_id AND x.file_id = h.first_file_id);

UPDATE upload_file SET stage = 'DEDUPED' WHERE file_id IN (:fileIds);
