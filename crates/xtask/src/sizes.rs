//! What a first visit of each app downloads: its first page's HTML (for the family app the
//! pre-rendered home page, `pages/accueil.html`; for the others their `index.html`) and every
//! built file it names (CSS, JS, wasm, icon, manifest), with raw, gzip and brotli sizes, and
//! the budget the total must meet.

use std::path::Path;

use anyhow::{bail, Context};
use passplus_validation::links;

use crate::compress;
use crate::spa::{WebApp, FAMILY_APP};

/// The whole first visit of a family's app, brotli-compressed, must stay at or under this
/// (bytes).
pub const FIRST_VISIT_BROTLI_BUDGET: u64 = 200 * 1024;
/// The pupil's card's, on a pupil's phone, much less.
pub const CARD_FIRST_VISIT_BROTLI_BUDGET: u64 = 90 * 1024;

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Sizes of the family app's first visit's files, the home page first.
pub fn first_visit(dist: &Path) -> anyhow::Result<Vec<FileSize>> {
    first_visit_of(dist, FAMILY_APP)
}

/// Sizes of an app's first visit's files, its first page first.
pub fn first_visit_of(dist: &Path, app: WebApp) -> anyhow::Result<Vec<FileSize>> {
    let home = if app == FAMILY_APP {
        links::prerendered_file(links::HOME_PATH)
    } else {
        let index = app.index(Path::new(""));
        index.to_string_lossy().into_owned()
    };
    let index = std::fs::read_to_string(dist.join(&home))
        .with_context(|| format!("{}/{home}: build the app first", dist.display()))?;
    // Files that the page names by their path, at the site's root or in the app's own folder
    // (the card's manifest and service worker); other folders (pages fetched later, such as
    // `content/`) are not part of the first visit.
    let own_folder = app.path.trim_matches('/');
    let mut names: Vec<String> = files_in(dist, "")?;
    if !own_folder.is_empty() {
        names.extend(files_in(dist, own_folder)?);
    }
    names.retain(|name| index.contains(&format!("\"/{name}\"")));
    names.sort();
    names.insert(0, home);
    names
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dist.join(&name))?;
            Ok(FileSize {
                raw: bytes.len() as u64,
                gzip: compress::gzip(&bytes)?.len() as u64,
                brotli: compress::brotli(&bytes)?.len() as u64,
                name,
            })
        })
        .collect()
}

/// The built files of a folder of `dist` (`""` for its root), by their path from `dist`.
fn files_in(dist: &Path, folder: &str) -> anyhow::Result<Vec<String>> {
    Ok(std::fs::read_dir(dist.join(folder))?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz") && name != "index.html")
        .map(|name| {
            if folder.is_empty() {
                name
            } else {
                format!("{folder}/{name}")
            }
        })
        .collect())
}

pub fn total(files: &[FileSize]) -> FileSize {
    FileSize {
        name: "total".into(),
        raw: files.iter().map(|f| f.raw).sum(),
        gzip: files.iter().map(|f| f.gzip).sum(),
        brotli: files.iter().map(|f| f.brotli).sum(),
    }
}

/// A Markdown table of the sizes, with the total last.
pub fn table(files: &[FileSize]) -> String {
    let mut text = String::from("| file | raw | gzip | brotli |\n|---|---:|---:|---:|\n");
    for file in files.iter().chain(std::iter::once(&total(files))) {
        text.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            file.name,
            kib(file.raw),
            kib(file.gzip),
            kib(file.brotli)
        ));
    }
    text
}

pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Fails when an app's first visit exceeds its brotli budget.
pub fn check_budget(app: WebApp, files: &[FileSize]) -> anyhow::Result<()> {
    let total = total(files).brotli;
    let budget = app.brotli_budget;
    println!(
        "first visit of {}: {} brotli (budget {})",
        app.path,
        kib(total),
        kib(budget)
    );
    if total > budget {
        bail!(
            "the first visit of {} weighs {} brotli, over its budget of {}",
            app.path,
            kib(total),
            kib(budget)
        );
    }
    Ok(())
}
