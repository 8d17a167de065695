-- Uploaded files' bytes live in their row (pupils::store), written in the transaction that adds
-- the row: every server instance reads them, and no file is ever without its row or the other
-- way round. BYTEA: PostgreSQL's byte string; SQLite takes any type name and keeps blobs as they
-- are. NULL only for a file stored on disk before this migration, until the server imports it
-- at start (legacy_files).
ALTER TABLE pupil_files ADD COLUMN content BYTEA;
