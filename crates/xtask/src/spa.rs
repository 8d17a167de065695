//! Building the single-page app with Trunk, in release, then pre-rendering its public pages and
//! precompressing it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cmd, compress, prerender, tools};

/// `dist/`, built and precompressed; returns its path.
pub fn build_release(root: &Path) -> anyhow::Result<PathBuf> {
    let path = tools::path_with_wasm_opt(root)?;
    // --offline: a wasm-bindgen version mismatch must be an error, not a download attempt.
    cmd::run(
        Command::new("trunk")
            .args(["build", "--release", "--offline"])
            .env("PATH", path)
            .current_dir(root),
    )?;
    let dist = root.join("dist");
    minify_scripts(root, &dist)?;
    let pages = prerender::write_pages(root, &dist)?;
    println!("pre-rendered {pages} public pages");
    let written = compress::precompress_dir(&dist)?;
    println!("precompressed {written} files (brotli and gzip)");
    Ok(dist)
}

/// Minifies the JavaScript glue in place (-1.7 KB brotli): Trunk's minifier gives up on it
/// ("Failed to minify JS") and leaves it as written. The file keeps its name; its subresource
/// integrity hash in `index.html` is replaced by the new content's. The CSP hash covers the
/// inline loader, which does not change.
fn minify_scripts(root: &Path, dist: &Path) -> anyhow::Result<()> {
    let terser = tools::ensure_terser(root)?;
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "js") {
            let before = integrity(&std::fs::read(&path)?);
            cmd::run(
                Command::new(&terser)
                    .arg(&path)
                    .args(["--module", "--compress", "--mangle", "--output"])
                    .arg(&path),
            )?;
            index = index.replace(&before, &integrity(&std::fs::read(&path)?));
        }
    }
    std::fs::write(index_path, index)?;
    Ok(())
}

/// A subresource integrity value, as Trunk writes them.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
