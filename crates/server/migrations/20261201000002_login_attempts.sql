-- Browsers that logged in to an account (login_limits, trusted_devices): their failed attempts
-- count apart, so that failures made elsewhere cannot lock the owner out of them.
CREATE TABLE trusted_devices (
    -- SHA-256 of the random value in the device cookie.
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX trusted_devices_by_account ON trusted_devices (account_id);

-- The trusted device an attempt came from (its token hash), NULL for any other browser.
ALTER TABLE login_failures ADD COLUMN device TEXT;
CREATE INDEX login_failures_by_device ON login_failures (email, device, at);

-- One row per count of login attempts (an address, a client, a trusted device), upserted to
-- lock it while an attempt is counted and reserved (login_limits). The key is a hash.
CREATE TABLE login_gates (
    key_hash TEXT PRIMARY KEY,
    touched_at BIGINT NOT NULL
);
