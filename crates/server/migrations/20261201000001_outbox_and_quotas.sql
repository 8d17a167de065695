-- E-mails waiting to be sent (platform::outbox): written in the transaction of the change that
-- causes them, sent by a worker, deleted once sent.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Not to be tried before this: the queuing time, then later after each failure (back-off).
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    -- The worker holding the message, until its lease runs out.
    claimed_by TEXT,
    claimed_until BIGINT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at);

-- Counted allowances (platform::quotas): uses of one thing in a fixed window. The key is a
-- hash, so the table holds no address.
CREATE TABLE quotas (
    key_hash TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    used BIGINT NOT NULL
);
CREATE INDEX quotas_by_window ON quotas (window_start);
