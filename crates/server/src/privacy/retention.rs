//! The registry's school-year rules (notice A) and the administrative records' six years
//! (notice B), applied by the purge:
//!
//! - an account whose pupils are not enrolled again is deleted once the school year after its
//!   last enrolment has ended; one that never enrolled a pupil, once the school year after its
//!   signup's has ended. Everything of it goes with it (pupils, files, enrolments, meals, card
//!   links, sessions), in one transaction per account;
//! - but the record of a reduced price is kept, restricted, in `kept_benefit_records` until six
//!   years after the school year it was for, then deleted like the live ones.
//!
//! A school year runs from 1 September to 31 August, in Paris. An account is named after the
//! school year its signup applied for (from 1 July, the coming one), as its enrolments are.

use sqlx::{AnyConnection, AnyPool, Row};

use passplus_validation::calendar::SchoolYear;

use crate::platform::db;
use crate::platform::paris_time::{day_in_paris, start_of_day_in_paris};
use crate::privacy::periods::Periods;

/// What the school-year rules removed (or would remove, in a dry run).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub accounts_not_enrolled_again: u64,
    pub accounts_without_pupil: u64,
    pub benefit_records: u64,
}

/// Whether the purge deletes, or counts what it would delete and keeps it all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Delete,
    DryRun,
}

/// An account's school years as the rules read them.
struct AccountYears {
    id: String,
    /// The school year its signup applied for.
    signed_up_for: i32,
    /// The last school year a pupil of it was enrolled for (Pass+ or canteen), if any.
    last_enrolment: Option<i32>,
}

impl AccountYears {
    /// Whether its period is over in `current`, and under which rule.
    fn due(&self, periods: &Periods, current: SchoolYear) -> Option<AccountRule> {
        let (last, years, rule) = match self.last_enrolment {
            Some(year) => (
                year.max(self.signed_up_for),
                periods.account_school_years,
                AccountRule::NotEnrolledAgain,
            ),
            None => (
                self.signed_up_for,
                periods.account_without_pupil_school_years,
                AccountRule::WithoutPupil,
            ),
        };
        (current.start_year > last + years).then_some(rule)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AccountRule {
    NotEnrolledAgain,
    WithoutPupil,
}

const ACCOUNT_YEARS: &str = "SELECT a.id, a.created_at, \
     (SELECT MAX(p.school_year) FROM pupils p WHERE p.account_id = a.id) AS pupil_year, \
     (SELECT MAX(e.school_year) FROM canteen_enrolments e JOIN pupils p ON p.id = e.pupil_id \
      WHERE p.account_id = a.id) AS canteen_year \
     FROM accounts a WHERE a.verified_at IS NOT NULL";

fn account_years(row: &sqlx::any::AnyRow) -> sqlx::Result<AccountYears> {
    let created_at: i64 = row.try_get("created_at")?;
    let pupil_year: Option<i64> = row.try_get("pupil_year")?;
    let canteen_year: Option<i64> = row.try_get("canteen_year")?;
    Ok(AccountYears {
        id: row.try_get("id")?,
        signed_up_for: SchoolYear::applied_for_on(day_in_paris(created_at)).start_year,
        last_enrolment: pupil_year.max(canteen_year).map(|year| year as i32),
    })
}

pub async fn apply(
    pool: &AnyPool,
    periods: &Periods,
    now: i64,
    mode: Mode,
) -> anyhow::Result<Removed> {
    let current = SchoolYear::of(day_in_paris(now));
    let mut removed = Removed::default();
    // No account signed up since the first day of this school year minus the shorter period
    // can be due: reading only older ones keeps the hourly pass short.
    let fewest_years = periods
        .account_school_years
        .min(periods.account_without_pupil_school_years);
    let signed_up_before = start_of_day_in_paris(
        SchoolYear {
            start_year: current.start_year - fewest_years,
        }
        .first_day(),
    );
    let candidates: Vec<AccountYears> =
        sqlx::query(&format!("{ACCOUNT_YEARS} AND a.created_at < $1"))
            .bind(signed_up_before)
            .fetch_all(pool)
            .await?
            .iter()
            .map(account_years)
            .collect::<sqlx::Result<_>>()?;
    for account in candidates {
        if account.due(periods, current).is_none() {
            continue;
        }
        match delete_account(pool, periods, &account.id, current, now, mode).await? {
            Some(AccountRule::NotEnrolledAgain) => removed.accounts_not_enrolled_again += 1,
            Some(AccountRule::WithoutPupil) => removed.accounts_without_pupil += 1,
            None => {}
        }
    }
    removed.benefit_records = delete_old_benefit_records(pool, periods, current, mode).await?;
    Ok(removed)
}

/// Deletes one account if it is still due once its row is locked (a family may have enrolled a
/// pupil since it was read), keeping its benefit records. `None` when it was not due after all.
async fn delete_account(
    pool: &AnyPool,
    periods: &Periods,
    account_id: &str,
    current: SchoolYear,
    now: i64,
    mode: Mode,
) -> anyhow::Result<Option<AccountRule>> {
    let mut transaction = db::begin(pool).await?;
    // PostgreSQL: a pupil added meanwhile holds a key-share lock on the account, which this
    // waits for; SQLite's immediate transaction already holds the only write lock.
    let lock = if db::is_sqlite(pool) {
        ""
    } else {
        " FOR UPDATE OF a"
    };
    let row = sqlx::query(&format!("{ACCOUNT_YEARS} AND a.id = $1{lock}"))
        .bind(account_id)
        .fetch_optional(&mut *transaction)
        .await?;
    let Some(rule) = row
        .as_ref()
        .map(account_years)
        .transpose()?
        .and_then(|account| account.due(periods, current))
    else {
        return Ok(None);
    };
    keep_benefit_records(&mut transaction, periods, account_id, current, now).await?;
    sqlx::query("DELETE FROM accounts WHERE id = $1")
        .bind(account_id)
        .execute(&mut *transaction)
        .await?;
    match mode {
        Mode::Delete => transaction.commit().await?,
        Mode::DryRun => transaction.rollback().await?,
    }
    Ok(Some(rule))
}

/// The first school year whose benefit records are still kept in `current`: a right for school
/// year Y ends on 31 August of Y + 1, and its record is kept `years` more.
fn oldest_kept_benefit_year(periods: &Periods, current: SchoolYear) -> i64 {
    i64::from(current.start_year - periods.benefit_record_years)
}

async fn keep_benefit_records(
    connection: &mut AnyConnection,
    periods: &Periods,
    account_id: &str,
    current: SchoolYear,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO kept_benefit_records (account_id, school_year, given_name, family_name, \
         email, reference_income_euros, tax_quarters, recorded_at, kept_since) \
         SELECT i.account_id, i.school_year, a.given_name, a.family_name, a.email, \
         i.reference_income_euros, i.tax_quarters, i.updated_at, $1 \
         FROM canteen_incomes i JOIN accounts a ON a.id = i.account_id \
         WHERE i.account_id = $2 AND i.school_year >= $3",
    )
    .bind(now)
    .bind(account_id)
    .bind(oldest_kept_benefit_year(periods, current))
    .execute(connection)
    .await?;
    Ok(())
}

/// Benefit records past their six years, kept or still with their account (an account enrolled
/// year after year keeps its figures of long ago only that long), with their tax notices.
async fn delete_old_benefit_records(
    pool: &AnyPool,
    periods: &Periods,
    current: SchoolYear,
    mode: Mode,
) -> anyhow::Result<u64> {
    let oldest = oldest_kept_benefit_year(periods, current);
    let mut transaction = db::begin(pool).await?;
    let mut removed = 0;
    for table in [
        "kept_benefit_records",
        "canteen_incomes",
        "canteen_tax_notices",
    ] {
        removed += sqlx::query(&format!("DELETE FROM {table} WHERE school_year < $1"))
            .bind(oldest)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
    }
    match mode {
        Mode::Delete => transaction.commit().await?,
        Mode::DryRun => transaction.rollback().await?,
    }
    Ok(removed)
}
