//! The collège reference list: its first import and its search.

use anyhow::Context;
use passplus_validation::college::MAX_RESULTS;
use passplus_validation::uai::{is_uai_attempt, normalise};
use passplus_validation::{College, CollegeSearchResults, Uai};
use serde::Deserialize;
use sqlx::{AnyPool, Row};

use crate::platform::db;
use crate::platform::search_key::fold;

/// A copy of the Ministry of Education's list (see shared/data/README.md), compiled in.
const COLLEGES_CSV: &str = include_str!("../../data/colleges-92-78.csv");

/// Public collèges that no Département runs, so neither runs their canteen:
/// the École de danse de l'Opéra de Paris (Nanterre) and the Maison d'éducation de la Légion
/// d'honneur Les Loges (Saint-Germain-en-Laye).
const NOT_RUN_BY_A_DEPARTEMENT: [&str; 2] = ["0922579D", "0783122V"];

#[derive(Debug, Deserialize)]
struct CsvRow {
    uai: String,
    name: String,
    commune: String,
    postal_code: String,
    departement: String,
}

/// The shipped list, each UAI checked by the shared rule.
pub fn shipped_list() -> anyhow::Result<Vec<College>> {
    let mut reader = csv::Reader::from_reader(COLLEGES_CSV.as_bytes());
    let mut colleges = Vec::new();
    for row in reader.deserialize() {
        let row: CsvRow = row.context("malformed row in colleges-92-78.csv")?;
        let uai = Uai::parse(&row.uai).with_context(|| format!("invalid UAI {}", row.uai))?;
        colleges.push(College {
            canteen_run_by_departement: !NOT_RUN_BY_A_DEPARTEMENT.contains(&uai.as_str()),
            uai: uai.into(),
            name: row.name,
            commune: row.commune,
            postal_code: row.postal_code,
            departement: row.departement,
        });
    }
    Ok(colleges)
}

/// Fills the table from the shipped list, only when it is empty: once imported, the list is
/// the administrators' to edit, and a restart must never overwrite their changes.
pub async fn import_if_empty(pool: &AnyPool) -> anyhow::Result<usize> {
    let mut transaction = db::begin(pool).await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM colleges")
        .fetch_one(&mut *transaction)
        .await?;
    if count > 0 {
        return Ok(0);
    }
    let colleges = shipped_list()?;
    for college in &colleges {
        sqlx::query(
            "INSERT INTO colleges (uai, name, commune, postal_code, departement, \
             canteen_run_by_departement, closed, search_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&college.uai)
        .bind(&college.name)
        .bind(&college.commune)
        .bind(&college.postal_code)
        .bind(&college.departement)
        .bind(i64::from(college.canteen_run_by_departement))
        .bind(0_i64)
        .bind(search_key(college))
        .execute(&mut *transaction)
        .await?;
    }
    transaction.commit().await?;
    Ok(colleges.len())
}

/// What a search matches on: name, commune, postal code and UAI.
pub fn search_key(college: &College) -> String {
    fold(&format!(
        "{} {} {} {}",
        college.name, college.commune, college.postal_code, college.uai
    ))
}

/// Open collèges whose key contains every word of the text (a UAI is matched exactly),
/// by name, at most [`MAX_RESULTS`]. The text has passed the shared search rule.
pub async fn search(pool: &AnyPool, text: &str) -> anyhow::Result<CollegeSearchResults> {
    let mut sql = String::from(
        "SELECT uai, name, commune, postal_code, departement, canteen_run_by_departement \
         FROM colleges WHERE closed = $1",
    );
    let mut parameters = Vec::new();
    if is_uai_attempt(text) {
        parameters.push(normalise(text));
        sql.push_str(" AND uai = $2");
    } else {
        // Folded words hold only letters and digits, so they carry no LIKE wildcard.
        for word in fold(text)
            .split(' ')
            .filter(|word| !word.is_empty())
            .take(8)
        {
            parameters.push(format!("%{word}%"));
            sql.push_str(&format!(" AND search_key LIKE ${}", parameters.len() + 1));
        }
    }
    sql.push_str(&format!(" ORDER BY name, uai LIMIT {}", MAX_RESULTS + 1));

    let mut query = sqlx::query(&sql).bind(0_i64);
    for parameter in parameters {
        query = query.bind(parameter);
    }
    let rows = query.fetch_all(pool).await?;
    let more = rows.len() > MAX_RESULTS;
    let colleges = rows
        .iter()
        .take(MAX_RESULTS)
        .map(|row| {
            Ok(College {
                uai: row.try_get("uai")?,
                name: row.try_get("name")?,
                commune: row.try_get("commune")?,
                postal_code: row.try_get("postal_code")?,
                departement: row.try_get("departement")?,
                canteen_run_by_departement: row.try_get::<i64, _>("canteen_run_by_departement")?
                    != 0,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(CollegeSearchResults { colleges, more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_uai_passes_the_shared_rule() {
        let colleges = shipped_list().expect("every row parses and every UAI checks");
        assert_eq!(colleges.len(), 215);
        assert_eq!(
            colleges.iter().filter(|c| c.departement == "92").count(),
            99
        );
        assert_eq!(
            colleges.iter().filter(|c| c.departement == "78").count(),
            116
        );
    }

    #[test]
    fn exactly_two_are_not_run_by_a_departement() {
        let colleges = shipped_list().unwrap();
        let not_run: Vec<&str> = colleges
            .iter()
            .filter(|c| !c.canteen_run_by_departement)
            .map(|c| c.uai.as_str())
            .collect();
        assert_eq!(not_run, NOT_RUN_BY_A_DEPARTEMENT);
    }
}
