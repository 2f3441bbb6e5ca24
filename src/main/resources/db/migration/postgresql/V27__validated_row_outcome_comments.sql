-- The outcome view's columns (PostgreSQL only: H2 cannot comment on view columns).
COMMENT ON COLUMN validated_row_outcome.file_id IS 'Upload file of the accepted row';
COMMENT ON COLUMN validated_row_outcome.row_number IS 'Row number as the spreadsheet shows it';
COMMENT ON COLUMN validated_row_outcome.outcome IS 'NEW, UPDATED, REGRESSED, UNCHANGED or REPEATED; NULL until the file is merged';
