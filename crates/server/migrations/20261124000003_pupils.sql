-- The pupils a family enrols in Pass+, and the files it uploads for them. File contents live on
-- disk under the files folder (see config `files_dir`), named by their random id; a row here is
-- the only way to find one, and every read goes through the owning family's account.

CREATE TABLE pupils (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    -- YYYY-MM-DD.
    birth_date TEXT NOT NULL,
    -- Normalised UAI; not a reference to colleges: a family of the 92 or 78 may have a child at
    -- school elsewhere.
    college_uai TEXT NOT NULL,
    class TEXT NOT NULL,
    bourse_holder BIGINT NOT NULL,
    -- Twelve digits, the last a Damm check digit.
    pass_number TEXT NOT NULL UNIQUE,
    -- The school year enrolled for, by its first calendar year.
    school_year BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX pupils_by_account ON pupils (account_id);

CREATE TABLE pupil_files (
    id TEXT PRIMARY KEY,
    pupil_id TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    -- 'photo' or 'bourse_certificate': one of each per pupil.
    kind TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    -- For a bourse certificate: 'pending' until an agent validates or refuses it.
    status TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    UNIQUE (pupil_id, kind)
);
