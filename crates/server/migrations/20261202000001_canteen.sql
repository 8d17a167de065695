-- The collège canteen: each pupil's enrolment for a school year, the meal of every school day it
-- reserves, and what each family declared to get its price. Dates are YYYY-MM-DD of Paris's
-- calendar; money is whole cents; flags are 0/1 (see the colleges migration).

-- Whether the collège's canteen serves Wednesday lunch (an administrator's setting; most do not).
ALTER TABLE colleges ADD COLUMN canteen_serves_wednesday BIGINT NOT NULL DEFAULT 0;

CREATE TABLE canteen_enrolments (
    id TEXT PRIMARY KEY,
    pupil_id TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    -- By its first calendar year.
    school_year BIGINT NOT NULL,
    -- The class in that school year (a re-enrolment moves it on).
    class TEXT NOT NULL,
    -- Codes in week order, comma-separated: 'monday,tuesday,thursday,friday'.
    weekdays TEXT NOT NULL,
    -- 'standard', 'no_pork' or 'no_meat'.
    diet TEXT NOT NULL,
    -- The pupil has a care plan for a food allergy (PAI): the flag only, no medical detail.
    allergy_plan BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Once per pupil and year, whatever the number of requests at once.
    UNIQUE (pupil_id, school_year)
);

-- One row per school day reserved: the bill is counted from these rows, never from a client.
CREATE TABLE canteen_meals (
    enrolment_id TEXT NOT NULL REFERENCES canteen_enrolments (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    -- Cancelled by the family before its deadline: not billed.
    cancelled BIGINT NOT NULL DEFAULT 0,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (enrolment_id, day)
);

-- The revenu fiscal de référence and tax parts a family declared for a school year.
CREATE TABLE canteen_incomes (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    school_year BIGINT NOT NULL,
    reference_income_euros BIGINT NOT NULL,
    -- Tax parts in quarters: 10 is 2.5 parts.
    tax_quarters BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, school_year)
);

-- The tax notice a family uploads for a school year, until an agent validates or refuses it.
CREATE TABLE canteen_tax_notices (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    school_year BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    -- 'pending', 'validated' or 'refused'.
    status TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (account_id, school_year)
);
