-- The public collèges of the Hauts-de-Seine (92) and the Yvelines (78).
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Flags are 0/1 integers because
-- sqlx's Any driver cannot decode SQLite BOOLEAN columns.
CREATE TABLE colleges (
    uai TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    commune TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    departement TEXT NOT NULL,
    -- 0 for the public collèges that no Département runs.
    canteen_run_by_departement BIGINT NOT NULL,
    -- An administrator closes a collège rather than deleting it: pupils may still refer to it.
    closed BIGINT NOT NULL DEFAULT 0,
    -- Name, commune, postal code and UAI, lower-cased and without accents (folded in Rust,
    -- because SQLite's lower() folds ASCII only).
    search_key TEXT NOT NULL
);

CREATE INDEX colleges_by_name ON colleges (name);
