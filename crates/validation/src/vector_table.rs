//! The format of the shared rule tables (`data/*-vectors.tsv`) that the native tests and the wasm
//! tests both run: one `rule<TAB>input<TAB>expected` line per case, `#` for comments.

use validator::ValidationError;

/// The table's cases, comments and blank lines left out.
pub fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

/// Runs one line through `result_of(rule, input)`; `Err` describes a mismatch or a bad line.
pub fn check(
    line: &str,
    result_of: impl FnOnce(&str, &str) -> Result<String, String>,
) -> Result<(), String> {
    let mut parts = line.splitn(3, '\t');
    let (Some(rule), Some(input), Some(expected)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("malformed vector line: {line:?}"));
    };
    let actual = result_of(rule, input)?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "{rule} {input:?}: expected {expected}, got {actual}"
        ))
    }
}

/// `ok`, or the code of the rule's error: what the tables expect of a field rule.
pub fn verdict(result: Result<(), ValidationError>) -> String {
    match result {
        Ok(()) => "ok".into(),
        Err(error) => error.code.to_string(),
    }
}
