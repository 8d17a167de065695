//! Building the single-page app with Trunk, in release, then precompressing it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cmd, compress, tools};

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
    let written = compress::precompress_dir(&dist)?;
    println!("precompressed {written} files (brotli and gzip)");
    Ok(dist)
}
