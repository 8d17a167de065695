//! A signed-in family's data made through the API, for the fuzzer and the bench: pupils, their
//! canteen enrolment for the school year under way (on the real clock), a personal link to a
//! pupil's card.

use anyhow::{bail, Context};

use crate::http;

/// Adds a pupil of that first name for the family of `cookie`; returns its id.
pub fn add_pupil(base_url: &str, cookie: &str, given_name: &str) -> anyhow::Result<String> {
    let pupil = serde_json::json!({
        "given_name": given_name,
        "family_name": "Essai",
        "birth_date": { "day": "14", "month": "3", "year": "2014" },
        "college_uai": "0921243B",
        "class": "5e",
        "bourse_holder": false,
    });
    let boundary = "passplus-xtask-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"pupil\"\r\n\r\n{pupil}\r\n\
         --{boundary}--\r\n"
    );
    let answer = http::send(
        base_url,
        "POST",
        "/api/pupils",
        &[("Cookie", cookie)],
        &format!("multipart/form-data; boundary={boundary}"),
        body.as_bytes(),
    )?;
    if answer.status != 201 {
        bail!("adding the pupil {given_name} answered {}", answer.status);
    }
    let summary: serde_json::Value = serde_json::from_str(&answer.body)?;
    summary["id"]
        .as_str()
        .map(str::to_owned)
        .context("the added pupil has no id")
}

/// Enrols the pupils in the canteen on Monday and Thursday for the school year under way;
/// returns their enrolments' ids, in the same order.
pub fn enrol(base_url: &str, cookie: &str, pupil_ids: &[&str]) -> anyhow::Result<Vec<String>> {
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64;
    let school_year =
        passplus_validation::SchoolYear::of(passplus_validation::Date::from_unix_seconds(today));
    let pupils: Vec<serde_json::Value> = pupil_ids
        .iter()
        .map(|id| {
            serde_json::json!({ "pupil_id": id, "weekdays": ["monday", "thursday"], "diet": "standard", "allergy_plan": false })
        })
        .collect();
    let body = serde_json::json!({ "school_year": school_year.start_year, "pupils": pupils });
    let answer = http::send(
        base_url,
        "POST",
        "/api/canteen/enrolments",
        &[("Cookie", cookie)],
        "application/json",
        body.to_string().as_bytes(),
    )?;
    if answer.status != 201 {
        bail!("enrolling answered {} {}", answer.status, answer.body);
    }
    let list: serde_json::Value = serde_json::from_str(&answer.body)?;
    list["enrolments"]
        .as_array()
        .context("no enrolments in the answer")?
        .iter()
        .map(|enrolment| {
            enrolment["id"]
                .as_str()
                .map(str::to_owned)
                .context("an enrolment has no id")
        })
        .collect()
}

/// Makes a personal link to the pupil's card; returns its key.
pub fn card_key(base_url: &str, cookie: &str, pupil_id: &str) -> anyhow::Result<String> {
    let answer = http::send(
        base_url,
        "POST",
        &format!("/api/pupils/{pupil_id}/card-links"),
        &[("Cookie", cookie)],
        "application/json",
        b"{}",
    )?;
    if answer.status != 201 {
        bail!("making the card link answered {}", answer.status);
    }
    let created: serde_json::Value = serde_json::from_str(&answer.body)?;
    created["url"]
        .as_str()
        .and_then(|url| url.split_once("#cle="))
        .map(|(_, key)| key.to_owned())
        .context("the card link has no key")
}
