-- The administrative record of a reduced canteen price, kept when its account is deleted
-- (notice B: six years after the right ended) and used for nothing else: no route reads it,
-- and the retention job deletes it when due. It holds what the decision rests on and whose it
-- was, not the tax notice's scan. No key to `accounts`: the account is gone.
CREATE TABLE kept_benefit_records (
    account_id TEXT NOT NULL,
    school_year BIGINT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    email TEXT NOT NULL,
    reference_income_euros BIGINT NOT NULL,
    tax_quarters BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    kept_since BIGINT NOT NULL,
    PRIMARY KEY (account_id, school_year)
);
