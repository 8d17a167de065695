//! Building the browser apps in release. cargo builds each app's wasm, the wasm-bindgen CLI
//! writes its JavaScript glue, wasm-opt shrinks the wasm, terser the glue and lightningcss the
//! stylesheet they share; each file is named by a hash of its content, so that a browser may keep
//! it as long as it likes. Each app's `index.html` then names them and gets the app's loader
//! (`loader.rs`), the family app's public pages are pre-rendered from it (`prerender.rs`) and
//! everything is precompressed.
//!
//! These few steps were Trunk's. Installing Trunk compiled a web server, a file watcher, an HTTP
//! client and HTML, CSS and JS minifiers: more than half of a first `cargo xtask run` on two
//! cores, for what this file does with the tools the build needs anyway.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use passplus_validation::links;
use sha2::{Digest, Sha256};

use crate::{card_offline, cmd, compress, loader, prerender, sizes, tools};

/// A browser app: a binary of the root package (`src/main.rs`, `src/bin/`), built from the same
/// library, with its own `index.html` in its own folder of `dist/`. Each audience downloads only
/// its own: a family using the canteen does not download the signup pages, nor the other way
/// round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebApp {
    /// The binary, and the stem of its files in `dist/`.
    pub binary: &'static str,
    /// Its path on the site (`/`, `/cantine/`): its `index.html` is at that path under `dist/`.
    pub path: &'static str,
    /// The key of its first page's title, for the frame its `index.html` is painted with.
    pub title_key: &'static str,
    /// Its own styles, after the shared stylesheet: what only its pages use is not in every
    /// app's first visit.
    pub own_stylesheet: Option<&'static str>,
    /// Its whole first visit, brotli-compressed, at most this (bytes).
    pub brotli_budget: u64,
    /// Its page's source: the family's `index.html` (its frame painted by the build for the
    /// canteen), or a page of its own that is already its frame (the card).
    pub source: &'static str,
}

/// The family app: the public pages, the account and the pupils.
pub const FAMILY_APP: WebApp = WebApp {
    binary: "passplus-web",
    path: links::HOME_PATH,
    title_key: "home_title",
    own_stylesheet: None,
    brotli_budget: sizes::FIRST_VISIT_BROTLI_BUDGET,
    source: SHARED_SOURCE,
};

/// The family's canteen pages.
pub const CANTEEN_APP: WebApp = WebApp {
    binary: "passplus-cantine",
    path: links::CANTEEN_PATH,
    title_key: "canteen_title",
    own_stylesheet: Some("style/canteen.css"),
    brotli_budget: sizes::FIRST_VISIT_BROTLI_BUDGET,
    source: SHARED_SOURCE,
};

/// The pupil's card, on the pupil's phone.
pub const CARD_APP: WebApp = WebApp {
    binary: "passplus-carte",
    path: links::CARD_PATH,
    title_key: "card_title",
    own_stylesheet: Some("style/card.css"),
    brotli_budget: sizes::CARD_FIRST_VISIT_BROTLI_BUDGET,
    source: "src/card/index.html",
};

/// The page the family's apps are built from.
const SHARED_SOURCE: &str = "index.html";

pub const APPS: [WebApp; 3] = [FAMILY_APP, CANTEEN_APP, CARD_APP];

impl WebApp {
    /// Its `index.html`, under `dist`.
    pub fn index(self, dist: &Path) -> PathBuf {
        dist.join(self.path.trim_start_matches('/'))
            .join("index.html")
    }
}

/// The root package, whose binaries the apps are.
const PACKAGE: &str = "passplus-web";
/// The Cargo profile of the apps' release build (Cargo.toml: size first).
const PROFILE: &str = "wasm-release";
/// The stylesheet, and its path as `index.html` names it.
const STYLESHEET: &str = "style/main.css";

/// `dist/`, built and precompressed; returns its path. The tools must be installed.
pub fn build_release(root: &Path) -> anyhow::Result<PathBuf> {
    build_wasm(root)?;
    package(root)
}

/// Compiles every app to wasm, in one cargo run that builds the shared library once (needs
/// only cargo and the wasm target: it can run while the other tools install).
pub fn build_wasm(root: &Path) -> anyhow::Result<()> {
    let mut command = cmd::cargo(root);
    command.args([
        "build",
        "--target",
        tools::WASM_TARGET,
        "--profile",
        PROFILE,
        "--package",
        PACKAGE,
    ]);
    for app in APPS {
        command.args(["--bin", app.binary]);
    }
    command.env(WASM_RUSTFLAGS, wasm_rustflags());
    cmd::run(&mut command)
}

/// The wasm target's flags for the release build, which replace `.cargo/config.toml`'s.
const WASM_RUSTFLAGS: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";

/// `.cargo/config.toml`'s flags, and the registry's folder cut from the paths that panic
/// messages carry (`/root/.cargo/registry/src/index…/tachys-0.2.19/src/…` becomes
/// `index…/tachys-0.2.19/src/…`): some hundred of them, which every phone would download. The
/// same flags whether or not the registry exists yet (a first build downloads it), so that a
/// second build does not start again.
fn wasm_rustflags() -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    let registry = cargo_home.map(|home| {
        format!(
            " --remap-path-prefix={}/=",
            home.join("registry").join("src").display()
        )
    });
    format!("--cfg erase_components{}", registry.unwrap_or_default())
}

/// The wasm rustc links for an app's release build, before wasm-bindgen.
pub fn release_wasm(root: &Path, app: WebApp) -> PathBuf {
    root.join("target")
        .join(tools::WASM_TARGET)
        .join(PROFILE)
        .join(format!("{}.wasm", app.binary))
}

/// Turns the built wasm into `dist/`: the public files, the stylesheet, each app's glue, shrunk
/// wasm and `index.html`, the pre-rendered pages, precompressed.
pub fn package(root: &Path) -> anyhow::Result<PathBuf> {
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).context("emptying dist/")?;
    }
    copy_dir(&root.join("public"), &dist)?;
    let shared = stylesheet(root, &dist, STYLESHEET)?;
    for app in APPS {
        let source = std::fs::read_to_string(root.join(app.source))?;
        let (script, wasm) = bind_and_shrink(root, app, &dist)?;
        let loader = loader::script(root, &script, &wasm)?;
        let mut stylesheets = vec![shared.clone()];
        if let Some(own) = app.own_stylesheet {
            stylesheets.push(stylesheet(root, &dist, own)?);
        }
        let index = app.index(&dist);
        std::fs::create_dir_all(index.parent().expect("a folder"))?;
        let mut html = index_html(&source, &stylesheets, &loader)?;
        if app == CARD_APP {
            // Offline: its service worker registered.
            html = html.replace(
                "</head>",
                &format!(
                    "<script type=\"module\">{}</script>\n</head>",
                    card_offline::REGISTRATION
                ),
            );
            let mut files = vec![script.clone(), wasm.clone()];
            files.extend(stylesheets.iter().cloned());
            card_offline::write(&dist, &files)?;
        }
        std::fs::write(&index, html)?;
    }
    let pages = prerender::write_pages(root, &dist)?;
    println!("pre-rendered {pages} public pages");
    for app in APPS
        .into_iter()
        .filter(|app| *app != FAMILY_APP && app.source == SHARED_SOURCE)
    {
        prerender::write_app_frame(root, &app.index(&dist), app.title_key)?;
    }
    let written = compress::precompress_dir(&dist)?;
    println!("precompressed {written} files (brotli and gzip)");
    Ok(dist)
}

/// wasm-bindgen's glue (minified: -1.7 KB brotli) and wasm (through `wasm-opt -Oz`), written into
/// `dist`; returns their names there.
fn bind_and_shrink(root: &Path, app: WebApp, dist: &Path) -> anyhow::Result<(String, String)> {
    let name = app.binary;
    let out = root.join("target/xtask/wasm-bindgen");
    cmd::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&out)
            .arg(release_wasm(root, app)),
    )?;
    let glue = out.join(format!("{name}.js"));
    tools::minify_js(root, &glue)?;
    let bound = out.join(format!("{name}_bg.wasm"));
    cmd::run(
        Command::new(tools::ensure_wasm_opt(root)?)
            .arg(&bound)
            .args(["-Oz", "--output"])
            .arg(&bound),
    )?;
    Ok((
        copy_hashed(&glue, dist, name, ".js")?,
        copy_hashed(&bound, dist, name, "_bg.wasm")?,
    ))
}

/// The stylesheet, minified, written into `dist`; returns its name there.
fn stylesheet(root: &Path, dist: &Path, source: &str) -> anyhow::Result<String> {
    let stem = Path::new(source)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .context("a stylesheet has a name")?;
    let minified = root.join(format!("target/xtask/{stem}.css"));
    cmd::run(
        Command::new(tools::ensure_lightningcss(root)?)
            .arg("--minify")
            .arg(root.join(source))
            .arg("--output-file")
            .arg(&minified),
    )?;
    copy_hashed(&minified, dist, stem, ".css")
}

/// Copies `file` into `dist` as `<stem>-<hash><suffix>`; returns that name.
fn copy_hashed(file: &Path, dist: &Path, stem: &str, suffix: &str) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let name = format!("{stem}-{}{suffix}", content_hash(&bytes));
    std::fs::write(dist.join(&name), bytes)?;
    Ok(name)
}

/// 16 hexadecimal digits of the content's SHA-256: a new name whenever the content changes.
fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The source `index.html` naming the built stylesheet, with the loader at the end of its head
/// and without its indentation.
fn index_html(source: &str, stylesheets: &[String], loader: &str) -> anyhow::Result<String> {
    let source_link = format!("<link rel=\"stylesheet\" href=\"/{STYLESHEET}\">");
    anyhow::ensure!(
        source.contains(&source_link),
        "index.html links {STYLESHEET}"
    );
    anyhow::ensure!(source.contains("</head>"), "index.html has a </head>");
    let links: Vec<String> = stylesheets
        .iter()
        .map(|name| format!("<link rel=\"stylesheet\" href=\"/{name}\">"))
        .collect();
    let html = source.replace(&source_link, &links.join("\n")).replace(
        "</head>",
        &format!("<script type=\"module\">{loader}</script>\n</head>"),
    );
    Ok(html.lines().map(str::trim).collect::<Vec<_>>().join("\n"))
}

/// Copies a folder's files into another, sub-folders included.
fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_html_names_the_built_stylesheet_and_ends_its_head_with_the_loader() {
        let source = "<html>\n  <head>\n    <link rel=\"stylesheet\" href=\"/style/main.css\">\n  \
            </head>\n  <body><div id=\"app\"></div></body>\n</html>\n";
        let html = index_html(source, &["main-0123.css".into()], "start()").unwrap();
        assert_eq!(
            html,
            "<html>\n<head>\n<link rel=\"stylesheet\" href=\"/main-0123.css\">\n\
             <script type=\"module\">start()</script>\n</head>\n\
             <body><div id=\"app\"></div></body>\n</html>"
        );
        let two = index_html(source, &["main-1.css".into(), "canteen-2.css".into()], "x").unwrap();
        assert!(two.contains(
            "<link rel=\"stylesheet\" href=\"/main-1.css\">\n<link rel=\"stylesheet\" href=\"/canteen-2.css\">"
        ));
        assert!(index_html("<head></head>", &["main.css".into()], "x").is_err());
    }

    #[test]
    fn each_app_has_its_binary_and_its_folder() {
        let dist = Path::new("dist");
        assert_eq!(FAMILY_APP.index(dist), dist.join("index.html"));
        assert_eq!(CANTEEN_APP.index(dist), dist.join("cantine/index.html"));
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        assert!(root.join("src/main.rs").is_file());
        for app in APPS.into_iter().filter(|app| *app != FAMILY_APP) {
            let source = root.join(format!("src/bin/{}.rs", app.binary));
            assert!(source.is_file(), "{} has no binary", app.binary);
            assert!(
                links::OTHER_APPS.contains(&app.path),
                "{} is not in links",
                app.path
            );
        }
    }

    #[test]
    fn a_file_is_named_by_its_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"").len(), 16);
    }
}
