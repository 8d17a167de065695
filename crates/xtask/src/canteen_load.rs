//! The canteen's and the card's figures for the bench, on the bench's signed-in family: meal
//! cancellations per second and card reads per second (wrk, as the other API loads, next to
//! `/api/health`'s `SELECT 1` in the same run), and the statements of a family with three
//! children over a school year.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use crate::bench::run_wrk;
use crate::{family_data, http};

/// Rows of the bench's load table, and a paragraph on the year's statements.
pub struct CanteenFigures {
    pub load_rows: String,
    pub statements: String,
}

pub fn measure(base_url: &str, cookie: &str, work_dir: &Path) -> anyhow::Result<CanteenFigures> {
    // Names of their own: the bench family has the upload's children too, and a family's
    // children are told apart by name and date of birth.
    let pupils: Vec<String> = ["Lina", "Sacha", "Malo"]
        .iter()
        .map(|name| family_data::add_pupil(base_url, cookie, name))
        .collect::<anyhow::Result<_>>()?;
    let ids: Vec<&str> = pupils.iter().map(String::as_str).collect();
    let enrolments = family_data::enrol(base_url, cookie, &ids)?;

    let mut load_rows = String::new();
    let cancellations = cancellations_script(base_url, cookie, &enrolments[0], work_dir)?;
    let load = run_wrk(&format!("{base_url}/api/health"), Some(&cancellations))?;
    writeln!(
        load_rows,
        "| `PUT …/meals/{{day}}` (a meal cancelled or booked again) | {load} |"
    )?;
    let key = family_data::card_key(base_url, cookie, &pupils[0])?;
    let reads = work_dir.join("card-reads.lua");
    std::fs::write(
        &reads,
        format!("wrk.headers[\"Authorization\"] = \"Bearer {key}\"\n"),
    )?;
    let load = run_wrk(&format!("{base_url}/api/card"), Some(&reads))?;
    writeln!(
        load_rows,
        "| `GET /api/card` (a card read with its key) | {load} |"
    )?;
    let statements = year_of_statements(base_url, cookie, &enrolments)?;
    Ok(CanteenFigures {
        load_rows,
        statements,
    })
}

/// A wrk script that cancels and books again, in turn, each meal of the enrolment still open
/// to change.
fn cancellations_script(
    base_url: &str,
    cookie: &str,
    enrolment: &str,
    work_dir: &Path,
) -> anyhow::Result<std::path::PathBuf> {
    let answer = http::send(
        base_url,
        "GET",
        &format!("/api/canteen/enrolments/{enrolment}"),
        &[("Cookie", cookie)],
        "application/json",
        b"",
    )?;
    let enrolled: serde_json::Value = serde_json::from_str(&answer.body)?;
    let days: Vec<String> = enrolled["meals"]
        .as_array()
        .context("the enrolment has no meals")?
        .iter()
        .filter(|meal| meal["may_change"] == true)
        .filter_map(|meal| meal["day"].as_str().map(|day| format!("\"{day}\"")))
        .collect();
    anyhow::ensure!(!days.is_empty(), "no meal open to change");
    let script = work_dir.join("cancellations.lua");
    std::fs::write(
        &script,
        format!(
            "local days = {{{days}}}\n\
             local n = 0\n\
             request = function()\n\
             n = n + 1\n\
             local day = days[(n % #days) + 1]\n\
             local body = (math.floor(n / #days) % 2 == 0) and '{{\"cancelled\":true}}' or '{{\"cancelled\":false}}'\n\
             return wrk.format('PUT', '/api/canteen/enrolments/{enrolment}/meals/' .. day, \
             {{['Content-Type'] = 'application/json', ['Origin'] = '{base_url}', ['Cookie'] = '{cookie}'}}, body)\n\
             end\n",
            days = days.join(", ")
        ),
    )?;
    Ok(script)
}

/// Every month's statement of the school year for each enrolment, one after the other: the
/// time in all and per statement.
fn year_of_statements(
    base_url: &str,
    cookie: &str,
    enrolments: &[String],
) -> anyhow::Result<String> {
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64;
    let school_year =
        passplus_validation::SchoolYear::of(passplus_validation::Date::from_unix_seconds(today));
    let months: Vec<String> = (9..=12)
        .map(|month| format!("{}-{month:02}", school_year.start_year))
        .chain((1..=7).map(|month| format!("{}-{month:02}", school_year.start_year + 1)))
        .collect();
    let started = Instant::now();
    for enrolment in enrolments {
        for month in &months {
            let path = format!("/api/canteen/enrolments/{enrolment}/statements/{month}");
            let answer = http::send(
                base_url,
                "GET",
                &path,
                &[("Cookie", cookie)],
                "application/json",
                b"",
            )?;
            anyhow::ensure!(answer.status == 200, "{path} answered {}", answer.status);
        }
    }
    let total = started.elapsed().as_secs_f64() * 1000.0;
    let count = enrolments.len() * months.len();
    Ok(format!(
        "The {count} monthly statements of a family with {} children over the school year \
         (September to July), read one after the other: {total:.0} ms in all, {:.1} ms each.",
        enrolments.len(),
        total / count as f64
    ))
}
