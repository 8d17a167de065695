//! Enrolments, meals and what families declared, in the database. Every query that reads or
//! changes an enrolment goes through the pupil's account id, so another family's enrolment is
//! simply not found (404), never readable or changeable.

use passplus_validation::canteen::answers::{CanteenPrice, TaxNoticeStatus};
use passplus_validation::canteen::choices::{
    stored_weekdays, weekdays_from_stored, CanteenDay, Diet,
};
use passplus_validation::canteen::price::{Income, PriceRule};
use passplus_validation::{Date, SchoolYear};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::platform::secrets::random_token;

/// A pupil of the family, as the canteen sees it.
#[derive(Debug, Clone)]
pub struct FamilyPupil {
    pub id: String,
    pub given_name: String,
    pub class: String,
    /// The school year the pupil was added for.
    pub school_year: SchoolYear,
    pub college_name: Option<String>,
    /// The collège is in the list, open, and its canteen run by a Département.
    pub canteen_run: bool,
    pub serves_wednesday: bool,
}

const PUPILS_QUERY: &str = "SELECT p.id, p.given_name, p.class, p.school_year, \
     c.name AS college_name, COALESCE(c.canteen_run_by_departement, 0) AS canteen_run, \
     COALESCE(c.closed, 0) AS college_closed, \
     COALESCE(c.canteen_serves_wednesday, 0) AS serves_wednesday \
     FROM pupils p LEFT JOIN colleges c ON c.uai = p.college_uai WHERE p.account_id = $1";

/// The family's pupils, oldest entry first.
pub async fn pupils(
    connection: &mut AnyConnection,
    account_id: &str,
) -> anyhow::Result<Vec<FamilyPupil>> {
    let rows = sqlx::query(&format!("{PUPILS_QUERY} ORDER BY p.created_at, p.id"))
        .bind(account_id)
        .fetch_all(connection)
        .await?;
    rows.iter().map(family_pupil).collect()
}

/// One pupil of the family, if it is theirs.
pub async fn pupil(
    connection: &mut AnyConnection,
    account_id: &str,
    pupil_id: &str,
) -> anyhow::Result<Option<FamilyPupil>> {
    let row = sqlx::query(&format!("{PUPILS_QUERY} AND p.id = $2"))
        .bind(account_id)
        .bind(pupil_id)
        .fetch_optional(connection)
        .await?;
    row.as_ref().map(family_pupil).transpose()
}

fn family_pupil(row: &AnyRow) -> anyhow::Result<FamilyPupil> {
    Ok(FamilyPupil {
        id: row.try_get("id")?,
        given_name: row.try_get("given_name")?,
        class: row.try_get("class")?,
        school_year: school_year(row)?,
        college_name: row.try_get("college_name")?,
        canteen_run: row.try_get::<i64, _>("canteen_run")? == 1
            && row.try_get::<i64, _>("college_closed")? == 0,
        serves_wednesday: row.try_get::<i64, _>("serves_wednesday")? == 1,
    })
}

fn school_year(row: &AnyRow) -> anyhow::Result<SchoolYear> {
    Ok(SchoolYear {
        start_year: i32::try_from(row.try_get::<i64, _>("school_year")?)?,
    })
}

/// An enrolment, with what the pages show of its pupil.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub id: String,
    pub pupil_id: String,
    pub school_year: SchoolYear,
    pub class: String,
    pub weekdays: Vec<CanteenDay>,
    pub diet: Diet,
    pub allergy_plan: bool,
    pub given_name: String,
    pub college_name: Option<String>,
    pub serves_wednesday: bool,
}

const ENROLMENTS_QUERY: &str = "SELECT e.id, e.pupil_id, e.school_year, e.class, e.weekdays, \
     e.diet, e.allergy_plan, p.given_name, c.name AS college_name, \
     COALESCE(c.canteen_serves_wednesday, 0) AS serves_wednesday \
     FROM canteen_enrolments e JOIN pupils p ON p.id = e.pupil_id \
     LEFT JOIN colleges c ON c.uai = p.college_uai WHERE p.account_id = $1";

/// The family's enrolments, by school year then pupil.
pub async fn enrolments(
    connection: &mut AnyConnection,
    account_id: &str,
) -> anyhow::Result<Vec<Enrolment>> {
    let rows = sqlx::query(&format!(
        "{ENROLMENTS_QUERY} ORDER BY e.school_year, p.created_at, p.id"
    ))
    .bind(account_id)
    .fetch_all(connection)
    .await?;
    rows.iter().map(enrolment).collect()
}

/// One enrolment of the family, if it is theirs.
pub async fn find_enrolment(
    connection: &mut AnyConnection,
    account_id: &str,
    enrolment_id: &str,
) -> anyhow::Result<Option<Enrolment>> {
    let row = sqlx::query(&format!("{ENROLMENTS_QUERY} AND e.id = $2"))
        .bind(account_id)
        .bind(enrolment_id)
        .fetch_optional(connection)
        .await?;
    row.as_ref().map(enrolment).transpose()
}

fn enrolment(row: &AnyRow) -> anyhow::Result<Enrolment> {
    let diet: String = row.try_get("diet")?;
    Ok(Enrolment {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        school_year: school_year(row)?,
        class: row.try_get("class")?,
        weekdays: weekdays_from_stored(&row.try_get::<String, _>("weekdays")?),
        diet: Diet::from_code(&diet).ok_or_else(|| anyhow::anyhow!("unknown diet {diet}"))?,
        allergy_plan: row.try_get::<i64, _>("allergy_plan")? == 1,
        given_name: row.try_get("given_name")?,
        college_name: row.try_get("college_name")?,
        serves_wednesday: row.try_get::<i64, _>("serves_wednesday")? == 1,
    })
}

/// What a new enrolment records.
pub struct NewEnrolment<'a> {
    pub pupil_id: &'a str,
    pub school_year: SchoolYear,
    pub class: &'a str,
    pub weekdays: &'a [CanteenDay],
    pub diet: Diet,
    pub allergy_plan: bool,
}

/// Why an enrolment was not added.
pub enum NotAdded {
    /// The pupil has one for that year (perhaps made a moment ago by another request).
    AlreadyEnrolled,
    Failed(anyhow::Error),
}

/// Adds an enrolment; returns its id.
pub async fn insert_enrolment(
    connection: &mut AnyConnection,
    new: &NewEnrolment<'_>,
    now: i64,
) -> Result<String, NotAdded> {
    let id = random_token();
    let inserted = sqlx::query(
        "INSERT INTO canteen_enrolments (id, pupil_id, school_year, class, weekdays, diet, \
         allergy_plan, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(&id)
    .bind(new.pupil_id)
    .bind(i64::from(new.school_year.start_year))
    .bind(new.class)
    .bind(stored_weekdays(new.weekdays))
    .bind(new.diet.code())
    .bind(i64::from(new.allergy_plan))
    .bind(now)
    .execute(connection)
    .await;
    match inserted {
        Ok(_) => Ok(id),
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
            Err(NotAdded::AlreadyEnrolled)
        }
        Err(error) => Err(NotAdded::Failed(error.into())),
    }
}

/// Whether the pupil has an enrolment for the year.
pub async fn is_enrolled(
    connection: &mut AnyConnection,
    pupil_id: &str,
    school_year: SchoolYear,
) -> anyhow::Result<bool> {
    let found =
        sqlx::query("SELECT 1 FROM canteen_enrolments WHERE pupil_id = $1 AND school_year = $2")
            .bind(pupil_id)
            .bind(i64::from(school_year.start_year))
            .fetch_optional(connection)
            .await?;
    Ok(found.is_some())
}

/// Rows of meals written by one statement: two parameters a row (the enrolment is `$1` for
/// all), well under the 32,766 a SQLite statement takes and PostgreSQL's 65,535.
const MEALS_PER_INSERT: usize = 200;

/// Reserves a meal on each of `days` (a day already reserved is kept as it is).
pub async fn reserve_meals(
    connection: &mut AnyConnection,
    enrolment_id: &str,
    days: &[Date],
    now: i64,
) -> anyhow::Result<()> {
    for chunk in days.chunks(MEALS_PER_INSERT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|index| format!("($1, ${}, 0, ${})", 2 + 2 * index, 3 + 2 * index))
            .collect();
        let statement = format!(
            "INSERT INTO canteen_meals (enrolment_id, day, cancelled, changed_at) VALUES {} \
             ON CONFLICT (enrolment_id, day) DO NOTHING",
            rows.join(", ")
        );
        let mut query = sqlx::query(&statement).bind(enrolment_id);
        for day in chunk {
            query = query.bind(day.to_string()).bind(now);
        }
        query.execute(&mut *connection).await?;
    }
    Ok(())
}

/// Removes the reservations of `days`.
pub async fn release_meals(
    connection: &mut AnyConnection,
    enrolment_id: &str,
    days: &[Date],
) -> anyhow::Result<()> {
    for day in days {
        sqlx::query("DELETE FROM canteen_meals WHERE enrolment_id = $1 AND day = $2")
            .bind(enrolment_id)
            .bind(day.to_string())
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// A reserved meal and whether it was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredMeal {
    pub day: Date,
    pub cancelled: bool,
}

/// The enrolment's meals from `from` (included) to `until` (excluded), in date order.
pub async fn meals(
    connection: &mut AnyConnection,
    enrolment_id: &str,
    from: Date,
    until: Date,
) -> anyhow::Result<Vec<StoredMeal>> {
    let rows = sqlx::query(
        "SELECT day, cancelled FROM canteen_meals \
         WHERE enrolment_id = $1 AND day >= $2 AND day < $3 ORDER BY day",
    )
    .bind(enrolment_id)
    .bind(from.to_string())
    .bind(until.to_string())
    .fetch_all(connection)
    .await?;
    rows.iter()
        .map(|row| {
            let day: String = row.try_get("day")?;
            Ok(StoredMeal {
                day: Date::parse_iso(&day)
                    .ok_or_else(|| anyhow::anyhow!("a stored meal's day is not a date"))?,
                cancelled: row.try_get::<i64, _>("cancelled")? == 1,
            })
        })
        .collect()
}

/// Cancels a meal or books it again; false if the enrolment has no meal that day.
pub async fn set_cancelled(
    connection: &mut AnyConnection,
    enrolment_id: &str,
    day: Date,
    cancelled: bool,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE canteen_meals SET cancelled = $1, changed_at = $2 \
         WHERE enrolment_id = $3 AND day = $4",
    )
    .bind(i64::from(cancelled))
    .bind(now)
    .bind(enrolment_id)
    .bind(day.to_string())
    .execute(connection)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records new weekdays on an enrolment (its meals are the caller's to change).
pub async fn set_weekdays(
    connection: &mut AnyConnection,
    enrolment_id: &str,
    weekdays: &[CanteenDay],
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE canteen_enrolments SET weekdays = $1, updated_at = $2 WHERE id = $3")
        .bind(stored_weekdays(weekdays))
        .bind(now)
        .bind(enrolment_id)
        .execute(connection)
        .await?;
    Ok(())
}

/// What the family declared for the year, if it did.
pub async fn income(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
) -> anyhow::Result<Option<Income>> {
    let row = sqlx::query(
        "SELECT reference_income_euros, tax_quarters FROM canteen_incomes \
         WHERE account_id = $1 AND school_year = $2",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .fetch_optional(connection)
    .await?;
    row.map(|row| {
        Ok(Income {
            reference_income_euros: u64::try_from(
                row.try_get::<i64, _>("reference_income_euros")?,
            )?,
            tax_quarters: u32::try_from(row.try_get::<i64, _>("tax_quarters")?)?,
        })
    })
    .transpose()
}

/// Records what the family declared for the year. A validated tax notice was checked against
/// the income it replaces: it goes back to waiting for an agent when the income changes.
pub async fn set_income(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
    declared: Income,
    now: i64,
) -> anyhow::Result<()> {
    let before = income(connection, account_id, school_year).await?;
    if before == Some(declared) {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO canteen_incomes \
         (account_id, school_year, reference_income_euros, tax_quarters, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, school_year) DO UPDATE SET \
         reference_income_euros = $3, tax_quarters = $4, updated_at = $5",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .bind(declared.reference_income_euros as i64)
    .bind(i64::from(declared.tax_quarters))
    .bind(now)
    .execute(&mut *connection)
    .await?;
    sqlx::query(
        "UPDATE canteen_tax_notices SET status = $1 \
         WHERE account_id = $2 AND school_year = $3 AND status = $4",
    )
    .bind(TaxNoticeStatus::Pending.code())
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .bind(TaxNoticeStatus::Validated.code())
    .execute(connection)
    .await?;
    Ok(())
}

/// Where the family's tax notice for the year stands.
pub async fn tax_notice_status(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
) -> anyhow::Result<TaxNoticeStatus> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT status FROM canteen_tax_notices WHERE account_id = $1 AND school_year = $2",
    )
    .bind(account_id)
    .bind(i64::from(school_year.start_year))
    .fetch_optional(connection)
    .await?;
    match status {
        None => Ok(TaxNoticeStatus::Missing),
        Some(code) => TaxNoticeStatus::from_code(&code)
            .ok_or_else(|| anyhow::anyhow!("unknown tax notice status {code}")),
    }
}

/// What a meal of the year costs the family now, and why.
pub async fn price(
    connection: &mut AnyConnection,
    account_id: &str,
    school_year: SchoolYear,
    rule: PriceRule,
) -> anyhow::Result<CanteenPrice> {
    let declared = income(connection, account_id, school_year).await?;
    let notice = tax_notice_status(connection, account_id, school_year).await?;
    Ok(CanteenPrice::new(rule, declared, notice))
}
