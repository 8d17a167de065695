//! A pupil's monthly statement, from the meals stored on the server (never from what a client
//! says): as JSON for the page, and as CSV for a spreadsheet.
//!
//! The CSV is written for French spreadsheets: UTF-8 with a byte-order mark, `;` between
//! fields, decimal commas. Its columns, one row per meal reserved in the month:
//! `date` (YYYY-MM-DD), `repas` (`réservé` or `annulé`), `facturé` (`oui` or `non`),
//! `prix_du_repas_euros` and `montant_euros` (the meal's price if billed, else `0,00`).

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use passplus_validation::canteen::answers::{Statement, TaxNoticeStatus};
use passplus_validation::canteen::deadlines::may_change_meal;
use passplus_validation::canteen::statement::{tally, Month};

use super::routes::enrolment_not_found;
use super::store;
use super::views;
use super::years;
use crate::accounts::sessions::CurrentSession;
use crate::http::downloads::{self, Disposition};
use crate::http::error::{AppError, ErrorBody};
use crate::platform::paris_time::day_in_paris;
use crate::startup::AppState;

/// A statement's path, the same for the page's JSON and the CSV.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct StatementPath {
    /// The enrolment's id.
    enrolment_id: String,
    /// The month, `YYYY-MM`.
    month: String,
}

#[utoipa::path(
    get,
    path = "/api/canteen/enrolments/{enrolment_id}/statements/{month}",
    operation_id = "canteenStatement",
    tag = "canteen",
    security(("session" = [])),
    params(StatementPath),
    responses(
        (status = 200, description = "The month's meals, what is billed and the amount", body = Statement),
        (
            status = 404,
            description = "No such enrolment in this family's account, or not a month \
                (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(StatementPath {
        enrolment_id,
        month,
    }): Path<StatementPath>,
) -> Result<Json<Statement>, AppError> {
    Ok(Json(
        statement(&state, &session, &enrolment_id, &month).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/api/canteen/enrolments/{enrolment_id}/statements/{month}/csv",
    operation_id = "canteenStatementCsv",
    tag = "canteen",
    security(("session" = [])),
    params(StatementPath),
    responses(
        (
            status = 200,
            description = "The month's meals as CSV for a French spreadsheet (UTF-8 with BOM, \
                `;`, decimal commas): `date;repas;facturé;prix_du_repas_euros;montant_euros`, \
                one row per meal reserved",
            content_type = "text/csv",
            body = String,
        ),
        (
            status = 404,
            description = "No such enrolment in this family's account, or not a month \
                (`not_found`)",
            body = ErrorBody,
        ),
    ),
)]
pub async fn csv(
    State(state): State<AppState>,
    session: CurrentSession,
    Path(StatementPath {
        enrolment_id,
        month,
    }): Path<StatementPath>,
) -> Result<Response, AppError> {
    let statement = statement(&state, &session, &enrolment_id, &month).await?;
    let bytes = csv_bytes(&statement)?;
    let file_name = format!(
        "cantine-{}-{}.csv",
        statement.month,
        ascii_name(&statement.given_name)
    );
    Ok(downloads::file(
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &file_name,
        bytes,
    ))
}

async fn statement(
    state: &AppState,
    session: &CurrentSession,
    enrolment_id: &str,
    month: &str,
) -> Result<Statement, AppError> {
    let today = day_in_paris(state.clock.now());
    let mut connection = state.pool.acquire().await?;
    let Some(enrolment) =
        store::find_enrolment(&mut connection, &session.account_id, enrolment_id).await?
    else {
        drop(connection);
        return Err(enrolment_not_found(&state.pool, &session.account_id, enrolment_id).await);
    };
    let month = Month::parse(month).ok_or(AppError::NotFound)?;
    let rules = years::rules(&state.config.canteen, enrolment.school_year);
    // The price in force now, for every month: a month billed at its own price needs months
    // closed by an agent, which comes with the staff desk.
    let price = store::price(
        &mut connection,
        &session.account_id,
        enrolment.school_year,
        rules.price_rule,
    )
    .await?;
    let meals = store::meals(
        &mut connection,
        &enrolment.id,
        month.first_day(),
        month.next_first_day(),
    )
    .await?;
    let counted = tally(meals.iter().map(|meal| meal.cancelled), price.price_cents);
    Ok(Statement {
        enrolment_id: enrolment.id,
        given_name: enrolment.given_name,
        college_name: enrolment.college_name,
        month: month.to_string(),
        reserved: counted.reserved,
        cancelled: counted.cancelled,
        billed: counted.billed,
        price_cents: price.price_cents,
        amount_cents: counted.amount_cents,
        full_price: !(price.income.is_some() && price.tax_notice == TaxNoticeStatus::Validated),
        provisional: meals.iter().any(|meal| may_change_meal(meal.day, today)),
        meals: meals
            .into_iter()
            .map(|meal| views::meal(meal, today))
            .collect(),
    })
}

/// `12,34`: euros with a decimal comma, as a French spreadsheet reads a number.
fn euros_for_spreadsheet(cents: u64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

fn csv_bytes(statement: &Statement) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record([
        "date",
        "repas",
        "facturé",
        "prix_du_repas_euros",
        "montant_euros",
    ])?;
    for meal in &statement.meals {
        let amount = if meal.cancelled {
            0
        } else {
            statement.price_cents
        };
        writer.write_record([
            meal.day.as_str(),
            if meal.cancelled {
                "annulé"
            } else {
                "réservé"
            },
            if meal.cancelled { "non" } else { "oui" },
            &euros_for_spreadsheet(statement.price_cents),
            &euros_for_spreadsheet(amount),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| anyhow::anyhow!("{error}"))
}

/// The given name in ASCII letters for a file name (`Inès` → `Ines`).
fn ascii_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use passplus_validation::canteen::answers::Meal;

    fn meal(day: &str, cancelled: bool) -> Meal {
        Meal {
            day: day.into(),
            cancelled,
            last_day_to_cancel: String::new(),
            may_change: false,
        }
    }

    #[test]
    fn the_csv_has_a_row_per_meal_in_french_spreadsheet_form() {
        let statement = Statement {
            enrolment_id: "e".into(),
            given_name: "Inès".into(),
            college_name: None,
            month: "2026-12".into(),
            reserved: 2,
            cancelled: 1,
            billed: 1,
            price_cents: 439,
            amount_cents: 439,
            full_price: false,
            provisional: false,
            meals: vec![meal("2026-12-03", false), meal("2026-12-10", true)],
        };
        let text = String::from_utf8(csv_bytes(&statement).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}date;repas;facturé;prix_du_repas_euros;montant_euros\n\
             2026-12-03;réservé;oui;4,39;4,39\n\
             2026-12-10;annulé;non;4,39;0,00\n"
        );
        assert_eq!(ascii_name("Inès-Zoé"), "Ines-Zoe");
    }
}
