//! `GET /api/account/data`: a copy of everything the database holds about the signed-in
//! family, as JSON, built from the personal-data map: each table the map ties to an account,
//! every column the map marks as copied, and for the others why they are left out. A column
//! added to the database is in the map (a test walks the schema), so it is in the copy or
//! explains its absence: nothing is forgotten silently.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa::ToSchema;

use passplus_validation::privacy::{registry, Text};

use crate::accounts::sessions::CurrentSession;
use crate::http::downloads::{file, Disposition};
use crate::http::error::AppError;
use crate::privacy::data_map::{Holds, InCopy, Table, TABLES};
use crate::startup::AppState;

/// What the family receives.
#[derive(Debug, Serialize, ToSchema)]
pub struct DataCopy {
    /// `passplus-data-copy/1`: changes when a field's meaning does.
    pub format: &'static str,
    /// When it was made, in Unix seconds.
    pub made_at: i64,
    pub tables: Vec<TableCopy>,
}

/// One table's rows of the family, with the registry's name for what they are.
#[derive(Debug, Serialize, ToSchema)]
pub struct TableCopy {
    pub table: &'static str,
    /// The privacy registry's category, as the privacy page names it.
    pub category: &'static str,
    #[schema(value_type = Object)]
    pub category_label: Text,
    /// One object per row: column name to value (text, number or null). Times are Unix seconds.
    #[schema(value_type = Vec<Object>)]
    pub rows: Vec<Map<String, Value>>,
    pub left_out: Vec<LeftOut>,
}

/// A column the copy leaves out, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeftOut {
    pub column: &'static str,
    pub why: &'static str,
}

pub const FORMAT: &str = "passplus-data-copy/1";

#[utoipa::path(
    get,
    path = "/api/account/data",
    operation_id = "accountDataCopy",
    tag = "privacy",
    security(("session" = [])),
    responses(
        (
            status = 200,
            description = "Everything the service holds about the signed-in family, saved as \
                `passplus-mes-donnees.json`",
            body = DataCopy,
        ),
    ),
)]
pub async fn data_copy(
    State(state): State<AppState>,
    session: CurrentSession,
) -> Result<Response, AppError> {
    let made_at = state.clock.now();
    // One read transaction: the tables are copied as they stood at one moment.
    let mut transaction = state.pool.begin().await?;
    let mut tables = Vec::new();
    for table in TABLES {
        if let Holds::PersonalData {
            category,
            of_account: Some(condition),
        } = table.holds
        {
            let rows = rows_of(&mut transaction, table, condition, &session.account_id).await?;
            tables.push(TableCopy {
                table: table.name,
                category,
                category_label: registry().category(category).label.clone(),
                rows,
                left_out: left_out(table),
            });
        }
    }
    transaction.commit().await?;
    let copy = DataCopy {
        format: FORMAT,
        made_at,
        tables,
    };
    let json = serde_json::to_vec_pretty(&copy).map_err(anyhow::Error::from)?;
    Ok(file(
        "application/json",
        Disposition::Attachment,
        "passplus-mes-donnees.json",
        json,
    )
    .into_response())
}

fn copied_columns(table: &Table) -> Vec<&'static str> {
    table
        .columns
        .iter()
        .filter(|column| matches!(column.in_copy, InCopy::Yes))
        .map(|column| column.name)
        .collect()
}

fn left_out(table: &Table) -> Vec<LeftOut> {
    table
        .columns
        .iter()
        .filter_map(|column| match column.in_copy {
            InCopy::Yes => None,
            InCopy::No(why) => Some(LeftOut {
                column: column.name,
                why,
            }),
        })
        .collect()
}

async fn rows_of(
    connection: &mut AnyConnection,
    table: &Table,
    condition: &str,
    account_id: &str,
) -> Result<Vec<Map<String, Value>>, AppError> {
    let columns = copied_columns(table);
    // Names from the map, never from a request.
    let query = format!(
        "SELECT {} FROM {} WHERE {condition} ORDER BY {}",
        columns.join(", "),
        table.name,
        columns.join(", ")
    );
    let rows = sqlx::query(&query)
        .bind(account_id)
        .fetch_all(connection)
        .await?;
    rows.iter().map(|row| row_object(row, &columns)).collect()
}

/// A row as JSON: each column a number, a text or null, whatever the database's type names. A
/// column of another kind fails the copy rather than go missing from it.
fn row_object(row: &AnyRow, columns: &[&'static str]) -> Result<Map<String, Value>, AppError> {
    columns
        .iter()
        .map(|&name| {
            let value = match row.try_get::<Option<i64>, _>(name) {
                Ok(number) => number.map_or(Value::Null, Value::from),
                Err(_) => row
                    .try_get::<Option<String>, _>(name)?
                    .map_or(Value::Null, Value::from),
            };
            Ok((name.to_owned(), value))
        })
        .collect()
}
