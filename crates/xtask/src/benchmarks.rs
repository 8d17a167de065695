//! BENCHMARKS.md, written by two tasks: `cargo xtask bench` writes the whole file but the
//! sections it does not measure, which `cargo xtask fuzz` writes (and keeps the rest).

use std::path::Path;

/// The sections other tasks than the bench own, kept when the bench rewrites the file.
pub const KEPT_BY_BENCH: [&str; 1] = ["## Fuzzing"];

/// `section` (from its heading to the next `## ` heading) of the text, if it has one.
fn find_section<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    let start = text.find(&format!("\n{heading}"))? + 1;
    let end = text[start + heading.len()..]
        .find("\n## ")
        .map_or(text.len(), |offset| start + heading.len() + offset + 1);
    Some(&text[start..end])
}

/// Replaces the section under `heading` in BENCHMARKS.md with `body`, or appends it.
pub fn replace_section(root: &Path, heading: &str, body: &str) -> anyhow::Result<()> {
    let path = root.join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Pass+ benchmarks\n".into());
    let section = format!("{heading}\n\n{}\n", body.trim_end());
    let updated = match find_section(&text, heading) {
        Some(old) => text.replacen(old, &section, 1),
        None => format!("{}\n\n{section}", text.trim_end()),
    };
    std::fs::write(&path, updated)?;
    Ok(())
}

/// The bench's new report with the other tasks' sections of the old file appended.
pub fn with_kept_sections(report: String, old: &str) -> String {
    let mut report = report;
    for heading in KEPT_BY_BENCH {
        if let Some(section) = find_section(old, heading) {
            report = format!("{}\n\n{}\n", report.trim_end(), section.trim_end());
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_found_up_to_the_next_heading() {
        let text = "# T\n\n## A\n\na\n\n## Fuzzing\n\nold\n\n## B\n\nb\n";
        assert_eq!(
            find_section(text, "## Fuzzing"),
            Some("## Fuzzing\n\nold\n\n")
        );
        assert_eq!(find_section(text, "## B"), Some("## B\n\nb\n"));
        assert_eq!(find_section(text, "## C"), None);
        let kept = with_kept_sections("# T\n\n## A\n\nnew\n".into(), text);
        assert_eq!(kept, "# T\n\n## A\n\nnew\n\n## Fuzzing\n\nold\n");
    }
}
