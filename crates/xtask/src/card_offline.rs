//! What makes the pupil's card work offline and installable: its service worker
//! (`dist/carte/sw.js`, scoped to `/carte/`, its list of files to keep written from the hashed
//! names of this build), its web app manifest (its page, `src/card/index.html`, names it), and
//! the script that registers the worker.

use std::path::Path;

use sha2::{Digest, Sha256};

/// The service worker's source, with `FILES_LIST` and `VERSION` to fill.
const SERVICE_WORKER: &str = include_str!("card_sw.js");

const MANIFEST: &str = r##"{
  "name": "Pass+ · Ma carte de cantine",
  "short_name": "Ma carte",
  "lang": "fr",
  "start_url": "/carte/",
  "scope": "/carte/",
  "display": "standalone",
  "background_color": "#ffffff",
  "theme_color": "#1b3a6b",
  "icons": [{ "src": "/carte-icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" }]
}
"##;

/// Registers the worker once the app is loaded; a browser without service workers still has
/// the card online. `updateViaCache: "none"`: a new release's worker is always fetched anew.
pub const REGISTRATION: &str = "navigator.serviceWorker&&navigator.serviceWorker.register(\
    \"/carte/sw.js\",{scope:\"/carte/\",updateViaCache:\"none\"});";

/// Writes the worker and the manifest into `dist/carte/`; `files` are the card's own files in
/// `dist` (its script, wasm and stylesheets).
pub fn write(dist: &Path, files: &[String]) -> anyhow::Result<()> {
    let mut kept: Vec<String> = vec![
        "/carte/".to_owned(),
        "/carte/manifest.webmanifest".to_owned(),
        "/carte-icon.svg".to_owned(),
    ];
    kept.extend(files.iter().map(|name| format!("/{name}")));
    std::fs::write(dist.join("carte/manifest.webmanifest"), MANIFEST)?;
    std::fs::write(dist.join("carte/sw.js"), service_worker(&kept))?;
    Ok(())
}

/// The worker keeping `files`, its cache named by them: a new build is a new cache, and the
/// old one is dropped when the new worker takes over.
fn service_worker(files: &[String]) -> String {
    let list = serde_json::to_string(files).expect("names serialise");
    let version: String = Sha256::digest(list.as_bytes())
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    SERVICE_WORKER
        .replace("FILES_LIST", &list)
        .replace("VERSION", &version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_keeps_this_builds_files_under_a_cache_named_by_them() {
        let one = service_worker(&["/carte/".into(), "/passplus-carte-1_bg.wasm".into()]);
        assert!(
            one.contains(r#"const FILES = ["/carte/","/passplus-carte-1_bg.wasm"];"#),
            "{one}"
        );
        let other = service_worker(&["/carte/".into(), "/passplus-carte-2_bg.wasm".into()]);
        let cache = |worker: &str| {
            worker
                .lines()
                .find(|line| line.starts_with("const CACHE"))
                .unwrap()
                .to_owned()
        };
        assert_ne!(cache(&one), cache(&other));
        assert!(!one.contains("FILES_LIST") && !one.contains("VERSION\""));
    }

    #[test]
    fn the_manifest_is_the_cards_own() {
        let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
        assert_eq!(manifest["start_url"], "/carte/");
        assert_eq!(manifest["scope"], "/carte/");
    }
}
