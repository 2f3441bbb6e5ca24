-- The night's bulk tables are filled by COPY, a million rows a night; a foreign key checks each row with a
-- lookup of its file, which doubled the cost of every COPY into them. Their rows are written only by the
-- pipeline, for the file it has just recorded in the same transaction, and upload_file rows are never
-- deleted, so the check guards nothing here. The tables the analysts read (hazard, hazard_history) keep
-- theirs. (The embedded H2, which is not for nights of this size, keeps them all.)
ALTER TABLE staged_row DROP CONSTRAINT staged_row_file_id_fkey;
ALTER TABLE validated_row DROP CONSTRAINT validated_row_file_id_fkey;
ALTER TABLE rejected_row DROP CONSTRAINT rejected_row_file_id_fkey;
