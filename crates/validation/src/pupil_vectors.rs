//! The shared pupil test vectors: one table (`data/pupil-vectors.tsv`) run through the real rules
//! by the native tests and the wasm tests in a browser, so both provably give the same codes. The
//! file's header describes its format.

use crate::birth_date::{validate_birth_date, BirthDateParts};
use crate::calendar::Date;
use crate::pass_number::validate_pass_number;
use crate::pupil::PupilForm;
use crate::upload::{validate_declared, UploadKind};
use crate::vector_table::{self, verdict};

/// The table, compiled in so that both targets read the very same lines.
pub const PUPIL_VECTORS: &str = include_str!("../data/pupil-vectors.tsv");

/// A day on which the fields other than the birth date are checked (any day works for them).
const ANY_DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};

/// Runs one `rule<TAB>input<TAB>expected` line; `Err` describes a mismatch.
fn run(line: &str) -> Result<(), String> {
    vector_table::check(line, actual_code)
}

/// `ok` or the first code the rules give for a line's input.
fn actual_code(rule: &str, input: &str) -> Result<String, String> {
    if let Some(day) = rule.strip_prefix("birth_date@") {
        let today = Date::parse_iso(day).ok_or(format!("bad day in {rule}"))?;
        let mut parts = input.split('/');
        let mut next = || parts.next().unwrap_or_default().to_owned();
        let birth_date = BirthDateParts {
            day: next(),
            month: next(),
            year: next(),
        };
        return Ok(verdict(validate_birth_date(&birth_date, today)));
    }
    Ok(verdict(match rule {
        "class" | "college_uai" | "given_name" | "family_name" => {
            let mut form = PupilForm {
                given_name: "Inès".into(),
                family_name: "Martin".into(),
                birth_date: BirthDateParts::from_date(Date::new(2014, 3, 14).unwrap()),
                college_uai: "0921243B".into(),
                class: "6e".into(),
                bourse_holder: false,
            };
            let value = input.to_owned();
            match rule {
                "class" => form.class = value,
                "college_uai" => form.college_uai = value,
                "given_name" => form.given_name = value,
                _ => form.family_name = value,
            }
            let Err(errors) = form.validate_on(ANY_DAY) else {
                return Ok("ok".into());
            };
            let errors = crate::FieldErrors::from(&errors);
            if let Some(other) = errors.fields.keys().find(|key| *key != rule) {
                return Err(format!("{input:?}: unexpected error on {other}"));
            }
            return Ok(errors.first_code(rule).unwrap_or("ok").to_owned());
        }
        "pass_number" => validate_pass_number(input),
        "photo" | "certificate" => {
            let kind = if rule == "photo" {
                UploadKind::Photo
            } else {
                UploadKind::BourseCertificate
            };
            let (media_type, size) = input.rsplit_once(' ').ok_or("expected `type size`")?;
            let size = size.parse().map_err(|_| format!("bad size in {input:?}"))?;
            validate_declared(kind, media_type, size)
        }
        rule => return Err(format!("unknown vector rule {rule:?}")),
    }))
}

/// The lines whose verdict differs from the table (empty when the rules agree with it).
pub fn pupil_vector_failures() -> Vec<String> {
    vector_lines().filter_map(|line| run(line).err()).collect()
}

fn vector_lines() -> impl Iterator<Item = &'static str> {
    vector_table::lines(PUPIL_VECTORS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn every_pupil_vector_passes() {
        assert!(vector_lines().count() > 50);
        assert_eq!(pupil_vector_failures(), Vec::<String>::new());
    }

    #[test]
    fn vectors_cover_every_pupil_code_the_browser_can_find() {
        for code in codes::PUPIL {
            let server_only = codes::PUPIL_SERVER_ONLY.contains(code);
            let covered = vector_lines().any(|line| line.ends_with(&format!("\t{code}")));
            assert!(covered || server_only, "no vector for {code}");
        }
    }

    #[test]
    fn a_wrong_line_is_reported() {
        assert!(run("class\t6e\tclass_empty").is_err());
        assert!(run("nonsense\tx\tok").is_err());
    }
}
