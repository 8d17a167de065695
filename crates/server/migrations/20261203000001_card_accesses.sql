-- The ways a device reaches a pupil's card: a personal link a parent made (its key in a QR
-- code), or the Pass+ number and date of birth typed on the device. Only the key's hash is kept;
-- a parent revoking an access deletes its row, and the card it opened stops at its next
-- connection.
CREATE TABLE card_accesses (
    id TEXT PRIMARY KEY,
    pupil_id TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    -- 'link' or 'number'.
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX card_accesses_by_pupil ON card_accesses (pupil_id);
