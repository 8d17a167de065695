//! `cargo xtask test`: every test of the project, cheap checks first. Each step runs even if an
//! earlier one failed, so one run reports every failure (except the fuzzing and the end-to-end
//! suite, which need the release build).

use std::path::Path;
use std::process::Command;

use anyhow::bail;

use crate::postgres::TestCluster;
use crate::server::{self, BackgroundServer, Profile};
use crate::{cmd, fuzz, phases, sizes, spa, tools};

type Step = (&'static str, fn(&Path) -> anyhow::Result<()>);

const RELEASE_BUILD: &str = "release build and first-visit budget";
const END_TO_END: &str = "end-to-end suite";
const FUZZING: &str = "API fuzzed from its OpenAPI document";

const STEPS: [Step; 7] = [
    ("formatting and lints", lint),
    ("native tests (API on SQLite)", native_tests),
    ("API tests on PostgreSQL", postgres_api_tests),
    ("wasm tests in headless Chromium", wasm_tests),
    (
        "release build and first-visit budget",
        release_build_and_budget,
    ),
    (FUZZING, fuzz_api),
    (END_TO_END, end_to_end),
];

pub fn run_all(root: &Path) -> anyhow::Result<()> {
    let start = std::time::Instant::now();
    phases::timed(
        "tools (wasm-bindgen, wasm-opt, terser, lightningcss, rustfmt, clippy)",
        || {
            tools::ensure_spa_toolchain(root)?;
            tools::ensure_lint_components()
        },
    )?;
    let mut failed = Vec::new();
    for (name, step) in &STEPS {
        println!("\n=== {name} ===");
        // Both serve the built app (the server will not start without it).
        if [END_TO_END, FUZZING].contains(name) && failed.contains(&RELEASE_BUILD) {
            eprintln!("✗ {name}: not run, the release build failed");
            failed.push(*name);
            continue;
        }
        if let Err(error) = phases::timed(name, || step(root)) {
            eprintln!("✗ {name}: {error:#}");
            failed.push(*name);
        }
    }
    let passed = STEPS.len() - failed.len();
    println!("\n{}", phases::summary(start));
    println!("\nsteps: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        bail!("failed: {}", failed.join("; "));
    }
    Ok(())
}

fn lint(root: &Path) -> anyhow::Result<()> {
    cmd::run(cmd::cargo(root).args(["fmt", "--all", "--check"]))?;
    cmd::run(cmd::cargo(root).args([
        "clippy",
        "--workspace",
        "--exclude",
        "passplus-web",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Linting all targets compiles the browser tests, which include axe-core.
    ensure_axe_core(root)?;
    cmd::run(cmd::cargo(root).args([
        "clippy",
        "--package",
        "passplus-web",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn native_tests(root: &Path) -> anyhow::Result<()> {
    cmd::run(cmd::cargo(root).args(["test", "--workspace", "--exclude", "passplus-web"]))
}

fn postgres_api_tests(root: &Path) -> anyhow::Result<()> {
    postgres_api_tests_only(root, Vec::new())
}

/// `cargo xtask pg [filter…]`: the API tests whose names match, on PostgreSQL.
pub fn postgres_api_tests_only(root: &Path, filters: Vec<String>) -> anyhow::Result<()> {
    let bin = tools::ensure_postgres()?;
    let cluster = TestCluster::start(&bin)?;
    cmd::run(
        cmd::cargo(root)
            .args([
                "test",
                "--package",
                "passplus-server",
                "--test",
                "api",
                "--",
            ])
            .args(filters)
            .env("PASSPLUS_TEST_POSTGRES_URL", &cluster.url),
    )
}

/// A bounded schemathesis pass, anonymous and signed in (see `fuzz`).
fn fuzz_api(root: &Path) -> anyhow::Result<()> {
    print!("{}", fuzz::run(root, fuzz::SUITE_CASES)?);
    Ok(())
}

/// The shared rules' vectors and the app's browser tests, in headless Chromium.
fn wasm_tests(root: &Path) -> anyhow::Result<()> {
    tools::ensure_chromium()?;
    ensure_axe_core(root)?;
    // wasm-bindgen-test-runner prefers another browser's driver when one is configured.
    cmd::run(
        cmd::cargo(root)
            .env("CHROMEDRIVER", "chromedriver")
            .env_remove("GECKODRIVER")
            .env_remove("SAFARIDRIVER")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--package",
                "passplus-validation",
                "--package",
                "passplus-web",
                "--tests",
            ]),
    )
}

/// The form kit's browser tests run axe-core, compiled into them from the end-to-end suite's
/// npm packages (`tests/support/axe.rs`): a fresh checkout installs them before those tests are
/// built. Only the tests hold it; the app never does.
fn ensure_axe_core(root: &Path) -> anyhow::Result<()> {
    tools::ensure_npm_packages(&root.join("tests/e2e"))
}

fn release_build_and_budget(root: &Path) -> anyhow::Result<()> {
    let dist = spa::build_release(root)?;
    check_budgets(&dist)
}

/// Each app's first visit, file by file, against its budget.
fn check_budgets(dist: &Path) -> anyhow::Result<()> {
    let mut over = Vec::new();
    for app in spa::APPS {
        let files = sizes::first_visit_of(dist, app)?;
        println!("{}:", app.path);
        print!("{}", sizes::table(&files));
        if let Err(error) = sizes::check_budget(app, &files) {
            over.push(error.to_string());
        }
    }
    anyhow::ensure!(over.is_empty(), "{}", over.join("; "));
    Ok(())
}

/// `cargo xtask e2e [arguments]`: the release build, then Playwright with these arguments (a
/// spec name, `--grep`…), for working on one journey without the whole suite. The budgets are
/// checked too: the build is there, and a change that weighs is best known at once.
pub fn end_to_end_only(root: &Path, arguments: Vec<String>) -> anyhow::Result<()> {
    tools::ensure_spa_toolchain(root)?;
    let dist = spa::build_release(root)?;
    check_budgets(&dist)?;
    run_playwright(root, &arguments)
}

/// Playwright drives Debian's Chromium against the real server with a fresh SQLite database.
fn end_to_end(root: &Path) -> anyhow::Result<()> {
    run_playwright(root, &[])
}

fn run_playwright(root: &Path, arguments: &[String]) -> anyhow::Result<()> {
    let e2e = root.join("tests/e2e");
    tools::ensure_chromium()?;
    tools::ensure_npm_packages(&e2e)?;
    let binary = server::build(root, Profile::Debug)?;
    let dist = root.join("dist");
    let server = BackgroundServer::start(&binary, &dist, &root.join("target/e2e"))?;
    // A second server whose verification links expire at once, for the expired-link journey.
    let expiring = BackgroundServer::start_with(
        &binary,
        &dist,
        &root.join("target/e2e-expiring"),
        &[("PASSPLUS_VERIFICATION_LINK_HOURS", "0")],
    )?;
    // A third whose clock the tests move (a file of seconds added to it), for the journeys
    // across a deadline.
    let clocked_dir = root.join("target/e2e-clocked");
    std::fs::create_dir_all(&clocked_dir)?;
    let clock_offset = clocked_dir.join("clock-offset");
    std::fs::write(&clock_offset, "0")?;
    let clocked = BackgroundServer::start_with(
        &binary,
        &dist,
        &clocked_dir,
        &[(
            "PASSPLUS_TEST_CLOCK_OFFSET_FILE",
            &clock_offset.display().to_string(),
        )],
    )?;
    let outcome = cmd::run(
        Command::new("npx")
            .args(["playwright", "test"])
            .args(arguments)
            .env("PASSPLUS_E2E_BASE_URL", &server.base_url)
            .env("PASSPLUS_E2E_OUTBOX", &server.outbox)
            .env("PASSPLUS_E2E_EXPIRING_BASE_URL", &expiring.base_url)
            .env("PASSPLUS_E2E_EXPIRING_OUTBOX", &expiring.outbox)
            .env("PASSPLUS_E2E_CLOCKED_BASE_URL", &clocked.base_url)
            .env("PASSPLUS_E2E_CLOCKED_OUTBOX", &clocked.outbox)
            .env("PASSPLUS_E2E_CLOCKED_OFFSET_FILE", &clock_offset)
            .current_dir(&e2e),
    );
    if outcome.is_err() {
        eprintln!(
            "server logs: {} {} {}",
            server.log.display(),
            expiring.log.display(),
            clocked.log.display()
        );
    }
    outcome
}
