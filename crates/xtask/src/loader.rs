//! The app's loader, the one inline script of `index.html` (`app_loader.js`): it starts the app
//! once the page the server sent has been painted. Imported at once and preloaded, as Trunk's
//! loader had them, the app's script and wasm shared a slow connection with the stylesheet and
//! the page was painted later (Lighthouse counted the wasm in every page's LCP: 2.4 s, against
//! 0.9 s for the same page without a script). The server's Content-Security-Policy names the
//! script by its hash, read from the built `index.html`.

use std::path::Path;

use crate::tools;

/// The loader of the app whose glue and wasm are `dist/<script>` and `dist/<wasm>`, minified as
/// the glue is: it is sent in every page.
pub fn script(root: &Path, script: &str, wasm: &str) -> anyhow::Result<String> {
    let source = with_paths(include_str!("app_loader.js"), script, wasm);
    let file = root.join("target/xtask/app_loader.js");
    std::fs::create_dir_all(file.parent().expect("a folder"))?;
    std::fs::write(&file, source)?;
    tools::minify_js(root, &file)?;
    Ok(std::fs::read_to_string(&file)?.trim_end().to_owned())
}

/// The loader's source naming the app's files.
fn with_paths(source: &str, script: &str, wasm: &str) -> String {
    source
        .replace("\"SCRIPT\"", &format!("\"/{script}\""))
        .replace("\"WASM\"", &format!("\"/{wasm}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_imports_the_apps_script_and_starts_it_with_its_wasm() {
        let loader = with_paths(include_str!("app_loader.js"), "app-1.js", "app-2_bg.wasm");
        assert!(loader.contains("import(\"/app-1.js\")"), "{loader}");
        assert!(
            loader.contains("module_or_path: \"/app-2_bg.wasm\""),
            "{loader}"
        );
    }
}
