//! The personal-data map: every table of the database, with the privacy registry's category of
//! what it holds, how a family's rows are found, and each column's place in the family's copy of
//! their data. One map, read both ways: a test walks the live schema and fails on a table or a
//! column that is not here (so a new column must be declared before it lands), and the export
//! is built from it (so it covers every column that holds a family's data).

use sqlx::{AnyPool, Row};

use crate::platform::db;

/// A table and what it holds.
pub struct Table {
    pub name: &'static str,
    pub holds: Holds,
    pub columns: &'static [Column],
}

pub enum Holds {
    /// Reference data about no one (the collèges).
    NoPersonalData,
    /// Personal data of the registry's `category`. `of_account` is the SQL condition that
    /// selects one account's rows, its id bound as `$1`; `None` when the rows cannot be tied
    /// to an account (fingerprints of addresses, which only the address itself could find).
    PersonalData {
        category: &'static str,
        of_account: Option<&'static str>,
    },
}

pub struct Column {
    pub name: &'static str,
    pub in_copy: InCopy,
}

/// Whether a column is in the family's copy of their data.
pub enum InCopy {
    Yes,
    /// Left out, for this reason (a secret, or bytes given by another route).
    No(&'static str),
}

const fn copied(name: &'static str) -> Column {
    Column {
        name,
        in_copy: InCopy::Yes,
    }
}

const fn withheld(name: &'static str, why: &'static str) -> Column {
    Column {
        name,
        in_copy: InCopy::No(why),
    }
}

const FINGERPRINT: &str = "a one-way fingerprint of a secret, which only the secret itself matches";
const OF_PUPILS: &str = "pupil_id IN (SELECT id FROM pupils WHERE account_id = $1)";
const OF_ADDRESS: &str = "email = (SELECT email FROM accounts WHERE id = $1)";

pub const TABLES: &[Table] = &[
    Table {
        name: "colleges",
        holds: Holds::NoPersonalData,
        columns: &[
            copied("uai"),
            copied("name"),
            copied("commune"),
            copied("postal_code"),
            copied("departement"),
            copied("canteen_run_by_departement"),
            copied("closed"),
            copied("search_key"),
            copied("canteen_serves_wednesday"),
        ],
    },
    Table {
        name: "accounts",
        holds: Holds::PersonalData {
            category: "passplus_account",
            of_account: Some("id = $1"),
        },
        columns: &[
            copied("id"),
            copied("email"),
            withheld(
                "password_hash",
                "the password's argon2 hash, a secret the service itself cannot read back",
            ),
            copied("given_name"),
            copied("family_name"),
            copied("phone"),
            copied("street"),
            copied("postal_code"),
            copied("commune"),
            copied("created_at"),
            copied("verified_at"),
        ],
    },
    Table {
        name: "sessions",
        holds: Holds::PersonalData {
            category: "passplus_sessions",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            withheld("id_hash", FINGERPRINT),
            copied("account_id"),
            copied("created_at"),
            copied("last_seen_at"),
            copied("device"),
        ],
    },
    Table {
        name: "trusted_devices",
        holds: Holds::PersonalData {
            category: "passplus_trusted_devices",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            withheld("token_hash", FINGERPRINT),
            copied("account_id"),
            copied("created_at"),
            copied("last_used_at"),
        ],
    },
    Table {
        name: "email_links",
        holds: Holds::PersonalData {
            category: "passplus_email_links",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            withheld("token_hash", FINGERPRINT),
            copied("account_id"),
            copied("purpose"),
            copied("created_at"),
            copied("expires_at"),
            copied("used_at"),
            copied("new_email"),
            withheld(
                "signup",
                "a signup waiting for its link, with the password's hash; once the link is \
                 opened its details are the account's",
            ),
        ],
    },
    Table {
        name: "login_failures",
        holds: Holds::PersonalData {
            category: "passplus_login_failures",
            of_account: Some(OF_ADDRESS),
        },
        columns: &[
            copied("id"),
            copied("email"),
            withheld(
                "client_ip",
                "the address of whoever tried, who may be someone else than the account's holder",
            ),
            copied("at"),
            withheld("device", FINGERPRINT),
            copied("in_flight_until"),
        ],
    },
    Table {
        name: "login_gates",
        holds: Holds::PersonalData {
            category: "passplus_login_failures",
            of_account: None,
        },
        columns: &[withheld("key_hash", FINGERPRINT), copied("touched_at")],
    },
    Table {
        name: "quotas",
        holds: Holds::PersonalData {
            category: "passplus_login_failures",
            of_account: None,
        },
        columns: &[
            withheld("key_hash", FINGERPRINT),
            copied("window_start"),
            copied("used"),
        ],
    },
    Table {
        name: "outbox",
        holds: Holds::PersonalData {
            category: "passplus_outgoing_mail",
            of_account: Some("recipient = (SELECT email FROM accounts WHERE id = $1)"),
        },
        columns: &[
            copied("id"),
            copied("recipient"),
            copied("subject"),
            withheld(
                "body",
                "it carries the link the e-mail sends, which is the key to the account",
            ),
            copied("created_at"),
            copied("next_attempt_at"),
            copied("attempts"),
            withheld("claimed_by", "the name of the server instance sending it"),
            copied("claimed_until"),
        ],
    },
    Table {
        name: "pupils",
        holds: Holds::PersonalData {
            category: "passplus_account",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            copied("id"),
            copied("account_id"),
            copied("given_name"),
            copied("family_name"),
            copied("birth_date"),
            copied("college_uai"),
            copied("class"),
            copied("bourse_holder"),
            copied("pass_number"),
            copied("school_year"),
            copied("created_at"),
            copied("updated_at"),
        ],
    },
    Table {
        name: "pupil_files",
        holds: Holds::PersonalData {
            category: "passplus_account",
            of_account: Some(OF_PUPILS),
        },
        columns: &[
            copied("id"),
            copied("pupil_id"),
            copied("kind"),
            copied("media_type"),
            copied("size_bytes"),
            copied("status"),
            copied("uploaded_at"),
            withheld(
                "content",
                "the file itself, which the pupil's page downloads as it was sent",
            ),
        ],
    },
    Table {
        name: "card_accesses",
        holds: Holds::PersonalData {
            category: "passplus_account",
            of_account: Some(OF_PUPILS),
        },
        columns: &[
            copied("id"),
            copied("pupil_id"),
            copied("kind"),
            withheld("token_hash", FINGERPRINT),
            copied("created_at"),
            copied("last_used_at"),
        ],
    },
    Table {
        name: "canteen_enrolments",
        holds: Holds::PersonalData {
            category: "passplus_canteen",
            of_account: Some(OF_PUPILS),
        },
        columns: &[
            copied("id"),
            copied("pupil_id"),
            copied("school_year"),
            copied("class"),
            copied("weekdays"),
            copied("diet"),
            copied("allergy_plan"),
            copied("created_at"),
            copied("updated_at"),
        ],
    },
    Table {
        name: "canteen_meals",
        holds: Holds::PersonalData {
            category: "passplus_canteen",
            of_account: Some(
                "enrolment_id IN (SELECT canteen_enrolments.id FROM canteen_enrolments \
                 JOIN pupils ON pupils.id = canteen_enrolments.pupil_id \
                 WHERE pupils.account_id = $1)",
            ),
        },
        columns: &[
            copied("enrolment_id"),
            copied("day"),
            copied("cancelled"),
            copied("changed_at"),
        ],
    },
    Table {
        name: "canteen_incomes",
        holds: Holds::PersonalData {
            category: "passplus_benefit_records",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            copied("account_id"),
            copied("school_year"),
            copied("reference_income_euros"),
            copied("tax_quarters"),
            copied("updated_at"),
        ],
    },
    Table {
        name: "canteen_tax_notices",
        holds: Holds::PersonalData {
            category: "passplus_benefit_records",
            of_account: Some("account_id = $1"),
        },
        columns: &[
            copied("account_id"),
            copied("school_year"),
            copied("media_type"),
            copied("size_bytes"),
            copied("status"),
            copied("uploaded_at"),
            withheld(
                "content",
                "the notice itself, which the canteen's price page downloads as it was sent",
            ),
        ],
    },
    Table {
        name: "kept_benefit_records",
        holds: Holds::PersonalData {
            category: "passplus_benefit_records",
            // Kept after the account's deletion: no account's copy can hold them.
            of_account: None,
        },
        columns: &[
            copied("account_id"),
            copied("school_year"),
            copied("given_name"),
            copied("family_name"),
            copied("email"),
            copied("reference_income_euros"),
            copied("tax_quarters"),
            copied("recorded_at"),
            copied("kept_since"),
        ],
    },
];

/// Every `(table, column)` of the live database but the migrations' own bookkeeping, sorted.
pub async fn schema_columns(pool: &AnyPool) -> sqlx::Result<Vec<(String, String)>> {
    let query = if db::is_sqlite(pool) {
        "SELECT m.name AS table_name, p.name AS column_name \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx_%'"
    } else {
        "SELECT CAST(table_name AS TEXT) AS table_name, CAST(column_name AS TEXT) AS column_name \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx\\_%'"
    };
    let mut columns: Vec<(String, String)> = sqlx::query(query)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("table_name")?, row.try_get("column_name")?)))
        .collect::<sqlx::Result<_>>()?;
    columns.sort();
    Ok(columns)
}

/// Every `(table, column)` the map declares, sorted.
pub fn mapped_columns() -> Vec<(String, String)> {
    let mut columns: Vec<(String, String)> = TABLES
        .iter()
        .flat_map(|table| {
            table
                .columns
                .iter()
                .map(|column| (table.name.to_owned(), column.name.to_owned()))
        })
        .collect();
    columns.sort();
    columns
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use passplus_validation::privacy::registry;

    use super::*;

    #[test]
    fn each_table_and_column_is_declared_once() {
        let mut tables = HashSet::new();
        for table in TABLES {
            assert!(tables.insert(table.name), "{}", table.name);
            let mut columns = HashSet::new();
            for column in table.columns {
                assert!(
                    columns.insert(column.name),
                    "{}.{}",
                    table.name,
                    column.name
                );
            }
        }
    }

    #[test]
    fn every_category_named_is_in_the_registry() {
        for table in TABLES {
            if let Holds::PersonalData { category, .. } = table.holds {
                // Panics on a category the registry does not declare.
                let declared = registry().category(category);
                assert_eq!(declared.id, category, "{}", table.name);
            }
        }
    }
}
