//! Building the single-page app in release. cargo builds the wasm, the wasm-bindgen CLI writes
//! its JavaScript glue, wasm-opt shrinks the wasm, terser the glue and lightningcss the
//! stylesheet; each file is named by a hash of its content, so that a browser may keep it as long
//! as it likes. `index.html` then names them and gets the app's loader (`loader.rs`), the public
//! pages are pre-rendered from it (`prerender.rs`) and everything is precompressed.
//!
//! These few steps were Trunk's. Installing Trunk compiled a web server, a file watcher, an HTTP
//! client and HTML, CSS and JS minifiers: more than half of a first `cargo xtask run` on two
//! cores, for what this file does with the tools the build needs anyway.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::{cmd, compress, loader, prerender, tools};

/// The app's binary, and the name of its files in `dist/`.
const APP: &str = "passplus-web";
/// The Cargo profile of the app's release build (Cargo.toml: size first).
const PROFILE: &str = "wasm-release";
/// The stylesheet, and its path as `index.html` names it.
const STYLESHEET: &str = "style/main.css";

/// `dist/`, built and precompressed; returns its path. The tools must be installed.
pub fn build_release(root: &Path) -> anyhow::Result<PathBuf> {
    let wasm = build_wasm(root)?;
    package(root, &wasm)
}

/// Compiles the app to wasm (needs only cargo and the wasm target: it can run while the other
/// tools install); returns the path of the wasm.
pub fn build_wasm(root: &Path) -> anyhow::Result<PathBuf> {
    cmd::run(cmd::cargo(root).args([
        "build",
        "--target",
        tools::WASM_TARGET,
        "--profile",
        PROFILE,
        "--package",
        APP,
        "--bin",
        APP,
    ]))?;
    Ok(release_wasm(root))
}

/// The wasm rustc links for the release build, before wasm-bindgen.
pub fn release_wasm(root: &Path) -> PathBuf {
    root.join("target")
        .join(tools::WASM_TARGET)
        .join(PROFILE)
        .join(format!("{APP}.wasm"))
}

/// Turns the built wasm into `dist/`: the public files, the glue, the shrunk wasm, the
/// stylesheet, `index.html` and the pre-rendered pages, precompressed.
pub fn package(root: &Path, wasm: &Path) -> anyhow::Result<PathBuf> {
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).context("emptying dist/")?;
    }
    copy_dir(&root.join("public"), &dist)?;
    let (script, wasm) = bind_and_shrink(root, wasm, &dist)?;
    let stylesheet = stylesheet(root, &dist)?;
    let source = std::fs::read_to_string(root.join("index.html"))?;
    let loader = loader::script(root, &script, &wasm)?;
    std::fs::write(
        dist.join("index.html"),
        index_html(&source, &stylesheet, &loader)?,
    )?;
    let pages = prerender::write_pages(root, &dist)?;
    println!("pre-rendered {pages} public pages");
    let written = compress::precompress_dir(&dist)?;
    println!("precompressed {written} files (brotli and gzip)");
    Ok(dist)
}

/// wasm-bindgen's glue (minified: -1.7 KB brotli) and wasm (through `wasm-opt -Oz`), written into
/// `dist`; returns their names there.
fn bind_and_shrink(root: &Path, wasm: &Path, dist: &Path) -> anyhow::Result<(String, String)> {
    let out = root.join("target/xtask/wasm-bindgen");
    cmd::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                APP,
                "--out-dir",
            ])
            .arg(&out)
            .arg(wasm),
    )?;
    let glue = out.join(format!("{APP}.js"));
    tools::minify_js(root, &glue)?;
    let bound = out.join(format!("{APP}_bg.wasm"));
    cmd::run(
        Command::new(tools::ensure_wasm_opt(root)?)
            .arg(&bound)
            .args(["-Oz", "--output"])
            .arg(&bound),
    )?;
    Ok((
        copy_hashed(&glue, dist, APP, ".js")?,
        copy_hashed(&bound, dist, APP, "_bg.wasm")?,
    ))
}

/// The stylesheet, minified, written into `dist`; returns its name there.
fn stylesheet(root: &Path, dist: &Path) -> anyhow::Result<String> {
    let minified = root.join("target/xtask/main.css");
    cmd::run(
        Command::new(tools::ensure_lightningcss(root)?)
            .arg("--minify")
            .arg(root.join(STYLESHEET))
            .arg("--output-file")
            .arg(&minified),
    )?;
    copy_hashed(&minified, dist, "main", ".css")
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
fn index_html(source: &str, stylesheet: &str, loader: &str) -> anyhow::Result<String> {
    let source_link = format!("href=\"/{STYLESHEET}\"");
    anyhow::ensure!(
        source.contains(&source_link),
        "index.html links {STYLESHEET}"
    );
    anyhow::ensure!(source.contains("</head>"), "index.html has a </head>");
    let html = source
        .replace(&source_link, &format!("href=\"/{stylesheet}\""))
        .replace(
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
        let html = index_html(source, "main-0123.css", "start()").unwrap();
        assert_eq!(
            html,
            "<html>\n<head>\n<link rel=\"stylesheet\" href=\"/main-0123.css\">\n\
             <script type=\"module\">start()</script>\n</head>\n\
             <body><div id=\"app\"></div></body>\n</html>"
        );
        assert!(index_html("<head></head>", "main.css", "x").is_err());
    }

    #[test]
    fn a_file_is_named_by_its_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"").len(), 16);
    }
}
