//! `cargo xtask run | test | e2e | bench | fuzz`: the project's front door. Each command installs what is
//! missing or at the wrong version (see `tools`), builds what it needs and runs.

mod bench;
mod benchmarks;
mod cmd;
mod compress;
mod fuzz;
mod http;
mod logins;
mod postgres;
mod prerender;
mod server;
mod sizes;
mod spa;
mod test;
mod tools;
mod uploads;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run | test | e2e [playwright arguments] | bench | fuzz>
  run    build the app and start the service on http://127.0.0.1:8080 (SQLite under ./data/)
  test   run every test: native, wasm in Chromium, API on SQLite and PostgreSQL, end to end
  e2e    build the app and run only the end-to-end tests (e.g. `cargo xtask e2e pupils`)
  bench  measure first-visit sizes, Lighthouse scores and API throughput into BENCHMARKS.md
  fuzz   fuzz the API from its OpenAPI document (a long pass, or [cases] per operation)
         into BENCHMARKS.md";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let outcome = match task.as_str() {
        "run" => run(&root),
        "test" => test::run_all(&root),
        "e2e" => test::end_to_end_only(&root, std::env::args().skip(2).collect()),
        "bench" => bench::run(&root),
        "fuzz" => match std::env::args().nth(2).map(|cases| cases.parse()) {
            Some(Err(_)) => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            cases => fuzz::long(&root, cases.and_then(Result::ok)),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {task}: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run`: installs the toolchain, builds the app in release and serves it.
fn run(root: &std::path::Path) -> anyhow::Result<()> {
    tools::ensure_spa_toolchain(root)?;
    spa::build_release(root)?;
    let binary = server::build(root, server::Profile::Release)?;
    server::run_foreground(root, &binary)
}

fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels below the workspace root")
        .to_path_buf()
}
