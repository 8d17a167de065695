//! Installing what the tasks need, at the right version, on a fresh machine. The build tools'
//! checks compare versions rather than mere presence, so a wrong version is replaced as on a new
//! machine; for Debian's packages (Chromium, PostgreSQL, wrk, Node.js) any packaged version does.
//! Only the package registries are reachable here: Rust tools come from crates, wasm-opt from
//! npm (Debian's binaryen 108 produces a wasm that fails at load), Chromium and PostgreSQL from
//! Debian.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

use anyhow::{bail, Context};

use crate::cmd;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const BINARYEN_VERSION: &str = "132.0.0";
/// Minifies wasm-bindgen's JavaScript glue and the app's loader.
const TERSER_VERSION: &str = "5.51.2";
/// Minifies the stylesheet.
const LIGHTNINGCSS_VERSION: &str = "1.33.0";
/// What that package's `lightningcss --version` says (the version of the Rust crate inside).
const LIGHTNINGCSS_REPORTS: &str = "lightningcss 1.0.0-alpha.72";

/// Everything needed to build the single-page app. What is missing is fetched and built side by
/// side: the wasm-bindgen CLI compiles while the npm tools download (on a fresh machine the npm
/// registry took minutes).
pub fn ensure_spa_toolchain(root: &Path) -> anyhow::Result<()> {
    ensure_node()?;
    ensure_wasm_target()?;
    let bindgen = wasm_bindgen_version(root)?;
    std::thread::scope(|scope| {
        // The CLI must equal the wasm-bindgen crate in Cargo.lock: the glue it writes and the
        // wasm's imports must agree. No --locked: its lockfile wants a crate version the registry here does not have.
        // Without TLS: the test runner talks to a local chromedriver over plain HTTP.
        let wasm_bindgen = scope.spawn(|| {
            ensure_cargo_tool(
                "wasm-bindgen",
                &bindgen,
                &["install", "wasm-bindgen-cli", "--no-default-features"],
            )
        });
        let npm_tools = scope.spawn(|| {
            ensure_wasm_opt(root)?;
            ensure_terser(root)?;
            ensure_lightningcss(root).map(drop)
        });
        for (tool, outcome) in [
            ("wasm-bindgen", wasm_bindgen.join()),
            ("wasm-opt, terser and lightningcss", npm_tools.join()),
        ] {
            outcome.unwrap_or_else(|_| Err(anyhow::anyhow!("installing {tool} panicked")))?;
        }
        Ok(())
    })
}

/// rustfmt and clippy, which a minimal rustup profile lacks.
pub fn ensure_lint_components() -> anyhow::Result<()> {
    if cmd::output_of("cargo", &["fmt", "--version"]).is_none()
        || cmd::output_of("cargo", &["clippy", "--version"]).is_none()
    {
        cmd::run(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))?;
    }
    Ok(())
}

/// Node.js and npm: wasm-opt, the end-to-end suite and Lighthouse come from npm.
fn ensure_node() -> anyhow::Result<()> {
    if cmd::output_of("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    Ok(())
}

pub fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed =
        cmd::output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        cmd::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// How tools are compiled: quickly. Their own release profiles may ask for fat LTO and one
/// codegen unit, which on two cores would take minutes of a first `cargo xtask run`; what they
/// do here (write the wasm's glue, run the browser tests) does not need their best speed.
const FAST_TOOL_PROFILE: [(&str, &str); 5] = [
    ("CARGO_PROFILE_RELEASE_LTO", "off"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256"),
    ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1"),
    ("CARGO_PROFILE_RELEASE_DEBUG", "0"),
    ("CARGO_PROFILE_RELEASE_INCREMENTAL", "false"),
];

/// Installs a cargo tool unless `<binary> --version` already reports `version`.
pub fn ensure_cargo_tool(binary: &str, version: &str, install: &[&str]) -> anyhow::Result<()> {
    let reported = cmd::output_of(binary, &["--version"]).unwrap_or_default();
    if reported.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    if !reported.is_empty() {
        println!("{binary}: found `{reported}`, installing {version}");
    }
    cmd::run(
        Command::new("cargo")
            .args(install)
            .args(["--version", version, "--force"])
            .envs(FAST_TOOL_PROFILE),
    )
}

/// The version of the wasm-bindgen crate the app is built with.
pub fn wasm_bindgen_version(root: &Path) -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// binaryen's wasm-opt from npm, in `target/tools/binaryen` (Debian's binaryen 108 produces a
/// wasm that fails at load); returns the command's path.
pub fn ensure_wasm_opt(root: &Path) -> anyhow::Result<PathBuf> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    ensure_npm_tool(
        root,
        ("binaryen", BINARYEN_VERSION),
        "wasm-opt",
        &format!("version {major}"),
    )
}

/// A command from an npm package, installed in `target/tools/<package>` unless its
/// `--version` already says `expected`; returns the command's path.
pub fn ensure_npm_tool(
    root: &Path,
    (package, version): (&str, &str),
    command: &str,
    expected: &str,
) -> anyhow::Result<PathBuf> {
    let prefix = root.join("target/tools").join(package);
    let binary = prefix.join("node_modules/.bin").join(command);
    let reported = cmd::output_of(&binary.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !reported.contains(expected) {
        std::fs::create_dir_all(&prefix)?;
        cmd::run(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix)
                .arg(format!("{package}@{version}")),
        )?;
    }
    Ok(binary)
}

/// Minifies a JavaScript module in place with terser.
pub fn minify_js(root: &Path, file: &Path) -> anyhow::Result<()> {
    cmd::run(
        Command::new(ensure_terser(root)?)
            .arg(file)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(file),
    )
}

/// terser from npm, in `target/tools/terser`; returns the command's path.
pub fn ensure_terser(root: &Path) -> anyhow::Result<PathBuf> {
    ensure_npm_tool(root, ("terser", TERSER_VERSION), "terser", TERSER_VERSION)
}

/// lightningcss from npm, in `target/tools/lightningcss-cli`; returns the command's path.
pub fn ensure_lightningcss(root: &Path) -> anyhow::Result<PathBuf> {
    ensure_npm_tool(
        root,
        ("lightningcss-cli", LIGHTNINGCSS_VERSION),
        "lightningcss",
        LIGHTNINGCSS_REPORTS,
    )
}

/// Debian's Chromium and its driver, of the same version, for the browser tests.
pub fn ensure_chromium() -> anyhow::Result<()> {
    let browser = version_number(&cmd::output_of("chromium", &["--version"]).unwrap_or_default());
    let driver =
        version_number(&cmd::output_of("chromedriver", &["--version"]).unwrap_or_default());
    if browser.is_none() || browser != driver {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    Ok(())
}

/// The first dotted number in a `--version` line ("Chromium 156.0.8078.73 built on…").
fn version_number(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|word| word.contains('.') && word.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(str::to_owned)
}

/// PostgreSQL's server programs (initdb, pg_ctl); returns their folder.
pub fn ensure_postgres() -> anyhow::Result<PathBuf> {
    if let Some(bin) = postgres_bin_dir() {
        return Ok(bin);
    }
    apt_install(&["postgresql"])?;
    postgres_bin_dir().context("PostgreSQL was installed but initdb is not found")
}

/// Debian's layout, `/usr/lib/postgresql/<major>/bin`, newest major first.
fn postgres_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let major = path
                .file_name()?
                .to_str()?
                .split('.')
                .next()?
                .parse()
                .ok()?;
            Some((major, path.join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// Debian's wrk, the load generator of the bench.
pub fn ensure_wrk() -> anyhow::Result<()> {
    if Command::new("wrk").arg("--version").output().is_err() {
        apt_install(&["wrk"])?;
    }
    Ok(())
}

/// `npm ci` in a folder whose node_modules is missing or older than its lockfile.
pub fn ensure_npm_packages(dir: &Path) -> anyhow::Result<()> {
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let fresh = match (
        modified(&installed),
        modified(&dir.join("package-lock.json")),
    ) {
        (Some(installed), Some(lock)) => installed >= lock,
        _ => false,
    };
    if !fresh {
        cmd::run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                .current_dir(dir),
        )?;
    }
    Ok(())
}

fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    if cmd::output_of("id", &["-u"]).as_deref() != Some("0") {
        bail!(
            "please install the Debian packages {} (root is needed)",
            packages.join(" ")
        );
    }
    static UPDATE: Once = Once::new();
    let mut updated = Ok(());
    UPDATE.call_once(|| updated = cmd::run(Command::new("apt-get").args(["update", "-q"])));
    updated?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y", "-q"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_tool_banners() {
        assert_eq!(
            version_number("Chromium 156.0.8078.73 built on Debian 12").as_deref(),
            Some("156.0.8078.73")
        );
        assert_eq!(
            version_number("ChromeDriver 156.0.8078.73 (abc-refs/branch-heads/1@{#1})").as_deref(),
            Some("156.0.8078.73")
        );
        assert_eq!(version_number(""), None);
    }
}
