//! `cargo xtask run | test | e2e | bench | fuzz`: the project's front door. Each command installs what is
//! missing or at the wrong version (see `tools`), builds what it needs and runs.

mod bench;
mod benchmarks;
mod canteen_load;
mod card_offline;
mod cmd;
mod compress;
mod family_data;
mod fuzz;
mod http;
mod loader;
mod logins;
mod phases;
mod postgres;
mod prerender;
mod server;
mod sizes;
mod spa;
mod test;
mod tools;
mod uploads;
mod wasm_contributors;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run | test | e2e [playwright arguments] | bench | fuzz>
  run    build the app and start the service on http://127.0.0.1:8080 (SQLite under ./data/)
  test   run every test: native, wasm in Chromium, API on SQLite and PostgreSQL, end to end
  e2e    build the app and run only the end-to-end tests (e.g. `cargo xtask e2e pupils`)
  pg     run the API tests on a PostgreSQL of their own (e.g. `cargo xtask pg purge`)
  bench  measure first-visit sizes, Lighthouse scores and API throughput into BENCHMARKS.md
  fuzz   fuzz the API from its OpenAPI document (a long pass, or [cases] per operation)
         into BENCHMARKS.md
  wasm-contributors  after a release build, what takes the space in the wasm (by crate and function)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let outcome = match task.as_str() {
        "run" => run(&root),
        "test" => test::run_all(&root),
        "e2e" => test::end_to_end_only(&root, std::env::args().skip(2).collect()),
        "pg" => test::postgres_api_tests_only(&root, std::env::args().skip(2).collect()),
        "bench" => bench::run(&root),
        "wasm-contributors" => wasm_contributors::report(&root).map(|report| print!("{report}")),
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

/// `cargo xtask run`: installs the toolchain, builds the app in release and the server, and
/// serves it. Three builds overlap, which on two cores fills the serial stretches of each (a
/// final link, a build script): the server, the tools, and the app's wasm (which needs only
/// cargo). The server is the tests' build (the dev profile, its hashing and image crates
/// optimised, see Cargo.toml): a local service needs no more, it builds in a fraction of a
/// release build's time, and `cargo xtask test` then reuses it.
fn run(root: &std::path::Path) -> anyhow::Result<()> {
    let start = std::time::Instant::now();
    tools::ensure_wasm_target()?;
    let binary = std::thread::scope(|scope| {
        let server = scope.spawn(|| {
            phases::timed("server (alongside)", || {
                server::build_quietly(root, server::Profile::Debug)
            })
        });
        let tools = scope.spawn(|| {
            phases::timed(
                "tools (wasm-bindgen, wasm-opt, terser, lightningcss)",
                || tools::ensure_spa_toolchain(root),
            )
        });
        let app = phases::timed("apps' wasm (release)", || spa::build_wasm(root));
        let tools = tools.join().expect("installing the tools does not panic");
        let app = app.and_then(|()| {
            tools?;
            phases::timed("apps (glue, wasm-opt, pre-rendered, compressed)", || {
                spa::package(root).map(drop)
            })
        });
        let server = server.join().expect("the server build does not panic");
        app.and(server)
    })?;
    println!("{}", phases::summary(start));
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
