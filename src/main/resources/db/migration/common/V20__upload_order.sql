-- The order in which a night's files apply (a township's files of one night in file-name order), fixed
-- once by the scan that partitions the night: dedupe merges in this order, whatever ids the database
-- handed out and whichever thread read a file first. Files from before this column apply in id order,
-- the order they were read in then.
ALTER TABLE upload_file ADD COLUMN upload_order INT;
UPDATE upload_file SET upload_order = CAST(file_id AS INT);
ALTER TABLE upload_file ALTER COLUMN upload_order SET NOT NULL;
CREATE INDEX upload_file_night ON upload_file (inbox_date, status, stage, upload_order);
COMMENT ON COLUMN upload_file.upload_order IS 'Order in which the night''s files apply (a township''s files in file-name order)';
