//! The API fuzzed from its own OpenAPI document with schemathesis (PyPI, in a virtual
//! environment under `target/tools`): a bounded pass in `cargo xtask test`, a long one in
//! `cargo xtask fuzz` whose figures go to BENCHMARKS.md.
//!
//! Two passes against one fresh server: anonymous, then signed in as a verified family that has
//! a pupil enrolled in the canteen (the pupil's and the enrolment's ids given to their routes,
//! so they reach them rather than a 404). Every
//! schemathesis check runs, with `tests/fuzz/hooks.py`'s: a schema-valid request refused 422 must
//! be refused only for a rule the operation says a schema cannot express.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};

use crate::server::{self, BackgroundServer, Profile};
use crate::{benchmarks, cmd, family_data, logins};

/// Must match `tests/fuzz/requirements.txt` (a test checks it).
const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// Cases per operation and phase: the suite's bounded pass and the long one.
pub const SUITE_CASES: u32 = 30;
pub const LONG_CASES: u32 = 400;

/// What one pass did, from schemathesis' summary.
struct Pass {
    name: &'static str,
    summary: String,
    seconds: f64,
}

/// Both passes; fails on any failure schemathesis reports. Returns a Markdown table of them.
pub fn run(root: &Path, cases: u32) -> anyhow::Result<String> {
    let schemathesis = ensure_schemathesis(root)?;
    let binary = server::build(root, Profile::Debug)?;
    let work_dir = root.join("target/fuzz");
    let dist = root.join("dist");
    let server = BackgroundServer::start(&binary, &dist, &work_dir)?;
    logins::prepare(&server.base_url, &work_dir)?;
    let cookie = logins::session_cookie(&server.base_url)?;
    let pupil_id = family_data::add_pupil(&server.base_url, &cookie, "Inès")?;
    let enrolment_id =
        family_data::enrol(&server.base_url, &cookie, &[pupil_id.as_str()])?.remove(0);
    let card_key = family_data::card_key(&server.base_url, &cookie, &pupil_id)?;

    let mut passes = Vec::new();
    let mut failed = Vec::new();
    for (name, session) in [("anonymous", None), ("signed in", Some(cookie.as_str()))] {
        match run_pass(
            root,
            &schemathesis,
            &server,
            (name, cases),
            session,
            (&pupil_id, &enrolment_id, &card_key),
        ) {
            Ok(pass) => passes.push(pass),
            Err(error) => failed.push(format!("{name}: {error:#}")),
        }
    }
    if !failed.is_empty() {
        eprintln!("server log: {}", server.log.display());
        bail!("the fuzzer found failures ({})", failed.join("; "));
    }
    let mut table = String::from("| pass | cases | time | result |\n|---|---:|---:|---|\n");
    for pass in passes {
        table.push_str(&format!(
            "| {} | {} | {:.0} s | no failure |\n",
            pass.name, pass.summary, pass.seconds
        ));
    }
    Ok(table)
}

/// `cargo xtask fuzz [cases]`: the long pass (or one of `cases` per operation and phase, for
/// working on the document), its figures written to BENCHMARKS.md.
pub fn long(root: &Path, cases: Option<u32>) -> anyhow::Result<()> {
    // The server serves the built app and does not start without it.
    if !root.join("dist/index.html").exists() {
        crate::tools::ensure_spa_toolchain(root)?;
        crate::spa::build_release(root)?;
    }
    let table = run(root, cases.unwrap_or(LONG_CASES))?;
    print!("{table}");
    benchmarks::replace_section(
        root,
        "## Fuzzing",
        &format!(
            "Written by `cargo xtask fuzz` ({} cases per operation and phase, \
             schemathesis {SCHEMATHESIS_VERSION}, every check and `tests/fuzz/hooks.py`'s).\n\n\
             {table}",
            cases.unwrap_or(LONG_CASES)
        ),
    )
}

/// One schemathesis run of `cases` per operation and phase: what it generated, how long it took.
fn run_pass(
    root: &Path,
    schemathesis: &Path,
    server: &BackgroundServer,
    (name, cases): (&'static str, u32),
    cookie: Option<&str>,
    (pupil_id, enrolment_id, card_key): (&str, &str, &str),
) -> anyhow::Result<Pass> {
    let fuzz_dir = root.join("tests/fuzz");
    let work_dir = root.join("target/fuzz");
    let config = pass_config(
        &fuzz_dir.join("schemathesis.toml"),
        &work_dir,
        cookie.is_some(),
    )?;
    let mut command = Command::new(schemathesis);
    command
        .arg("--config-file")
        .arg(config)
        .args(["run", &format!("{}/api/openapi.json", server.base_url)])
        .args(["--url", &server.base_url])
        .args(["--max-examples", &cases.to_string()])
        // One worker: with two, hypothesis parses lambdas' sources in two threads at once, and
        // CPython 3.11's parser can fail at that ("AST constructor recursion depth mismatch"),
        // a runtime error of the fuzzer, not of the API.
        .args(["--workers", "1", "--no-color", "--seed", "1"])
        // The site's own pages send this on every change; without it a change is refused 403.
        .args(["--header", "Sec-Fetch-Site: same-origin"])
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("PYTHONPATH", &fuzz_dir)
        .current_dir(&work_dir);
    if let Some(cookie) = cookie {
        let value = cookie.split_once('=').map_or(cookie, |(_, value)| value);
        command
            .env("PASSPLUS_FUZZ_SESSION", value)
            // Logging out would end the pass's session for every later case.
            .args(["--exclude-operation-id", "logOut"])
            // Removing the family's one pupil would leave the other pupil routes nothing to reach
            // (the API tests cover removal, its authorization and its 404s).
            .args(["--exclude-operation-id", "removePupil"]);
    }
    command
        .env("PASSPLUS_FUZZ_PUPIL_ID", pupil_id)
        .env("PASSPLUS_FUZZ_ENROLMENT_ID", enrolment_id)
        .env("PASSPLUS_FUZZ_CARD_KEY", card_key);
    let started = Instant::now();
    let output = command.output().context("cannot run schemathesis")?;
    let seconds = started.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&output.stdout);
    print!("{text}");
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        bail!("schemathesis exited with {}", output.status);
    }
    let summary = text
        .lines()
        .skip_while(|line| !line.starts_with("Test cases:"))
        .nth(1)
        .map(|line| line.trim().to_owned())
        .context("no test case count in schemathesis' summary")?;
    Ok(Pass {
        name,
        summary,
        seconds,
    })
}

/// The shared settings with the card's key as the document's `card_key` scheme, and for the
/// signed-in pass the session as its `session` scheme, so that schemathesis knows which
/// requests carry them (and leaves them out on purpose to test a 401).
fn pass_config(shared: &Path, work_dir: &Path, signed_in: bool) -> anyhow::Result<PathBuf> {
    let mut config = std::fs::read_to_string(shared)?;
    config.push_str("\n[auth.openapi.card_key]\nbearer = \"${PASSPLUS_FUZZ_CARD_KEY}\"\n");
    if signed_in {
        config.push_str("\n[auth.openapi.session]\napi_key = \"${PASSPLUS_FUZZ_SESSION}\"\n");
    }
    let name = if signed_in { "signed-in" } else { "anonymous" };
    let path = work_dir.join(format!("schemathesis-{name}.toml"));
    std::fs::write(&path, config)?;
    Ok(path)
}

/// schemathesis in `target/tools/schemathesis`, unless it is there at the right version;
/// returns its command.
fn ensure_schemathesis(root: &Path) -> anyhow::Result<PathBuf> {
    let venv = root.join("target/tools/schemathesis");
    let command = venv.join("bin/schemathesis");
    let reported = cmd::output_of(&command.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !reported.contains(SCHEMATHESIS_VERSION) {
        cmd::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        cmd::run(
            Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--requirement"])
                .arg(root.join("tests/fuzz/requirements.txt")),
        )?;
    }
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_name_the_version_checked_here() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let requirements =
            std::fs::read_to_string(root.join("tests/fuzz/requirements.txt")).unwrap();
        assert!(requirements.contains(&format!("schemathesis=={SCHEMATHESIS_VERSION}")));
    }
}
