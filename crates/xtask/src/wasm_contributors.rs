//! What takes the space in the family app's wasm: its largest functions, and their sizes summed
//! by crate, from `twiggy top` on the linker's output (which still has the function names; the
//! shipped file is that one after wasm-bindgen and wasm-opt, smaller, but made of the same code).
//! Each later issue can then see what it adds.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;

use crate::{cmd, tools};

const TWIGGY_VERSION: &str = "0.8.0";
/// How many crates and functions the tables list.
const TOP: usize = 15;

/// Markdown tables of the top crates and functions by size; the release build must be done.
pub fn report(root: &Path) -> anyhow::Result<String> {
    tools::ensure_cargo_tool("twiggy", TWIGGY_VERSION, &["install", "twiggy"])?;
    let wasm = crate::spa::release_wasm(root, crate::spa::FAMILY_APP);
    let json = cmd::output_of(
        "twiggy",
        &[
            "top",
            "-f",
            "json",
            "-n",
            "1000000",
            &wasm.to_string_lossy(),
        ],
    )
    .context("twiggy top failed: build the app first")?;
    let items: Vec<Item> = serde_json::from_str::<Vec<serde_json::Value>>(&json)?
        .into_iter()
        .filter_map(|item| {
            Some(Item {
                name: item["name"].as_str()?.to_owned(),
                size: item["shallow_size"].as_u64()?,
            })
        })
        // What wasm-bindgen and wasm-opt drop does not ship.
        .filter(|item| !is_build_metadata(&item.name))
        .collect();
    let code: u64 = items.iter().map(|item| item.size).sum();
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    for item in &items {
        *by_crate.entry(crate_of(&item.name)).or_default() += item.size;
    }
    let mut crates: Vec<(String, u64)> = by_crate.into_iter().collect();
    crates.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    let mut text = format!(
        "Code and data of the linked wasm, {} before wasm-bindgen and wasm-opt.\n\n\
         | crate | size | share |\n|---|---:|---:|\n",
        kib(code)
    );
    for (name, size) in crates.iter().take(TOP) {
        writeln!(
            text,
            "| `{name}` | {} | {:.1} % |",
            kib(*size),
            share(*size, code)
        )?;
    }
    text.push_str("\n| function | size |\n|---|---:|\n");
    for item in items.iter().take(TOP) {
        writeln!(text, "| `{}` | {} |", shorten(&item.name), kib(item.size))?;
    }
    Ok(text)
}

struct Item {
    name: String,
    size: u64,
}

/// What the linker's output holds for the build only: custom sections, names, and
/// wasm-bindgen's describe functions (it reads them to write the glue, then removes them).
fn is_build_metadata(name: &str) -> bool {
    name.starts_with("custom section")
        || name.contains("subsection")
        || name.starts_with("export \"__wbindgen_describe")
}

/// The crate a symbol belongs to: the first path segment of its demangled name (which may carry
/// a `[hash]`), looking inside `<Type as Trait>` at the type, or at the trait when the type is a
/// generic parameter (`<T as tachys::…>`); data by its kind.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("data[") {
        return "(data)".to_owned();
    }
    let mut inner = name.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    for prefix in ["mut ", "dyn "] {
        inner = inner.strip_prefix(prefix).unwrap_or(inner);
    }
    let generic = inner.split_once(" as ").filter(|(ty, _)| {
        ty.len() <= 2 && ty.chars().next().is_some_and(|c| c.is_ascii_uppercase())
    });
    if let Some((_, trait_path)) = generic {
        inner = trait_path;
    }
    let segment: String = inner
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let after = &inner[segment.len()..];
    let after = match after.strip_prefix('[') {
        Some(hashed) => hashed.split_once(']').map_or("", |(_, rest)| rest),
        None => after,
    };
    if segment.is_empty() || !after.starts_with("::") {
        return "(other)".to_owned();
    }
    segment
}

/// A function's name without its hash, and cut if very long.
fn shorten(name: &str) -> String {
    let name = match name.rfind("::h") {
        Some(at) if name[at + 3..].chars().all(|c| c.is_ascii_hexdigit()) => &name[..at],
        _ => name,
    };
    let name = name.replace('`', "'").replace('|', "\\|");
    if name.chars().count() > 110 {
        format!("{}…", name.chars().take(110).collect::<String>())
    } else {
        name
    }
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn share(part: u64, whole: u64) -> f64 {
    part as f64 * 100.0 / whole.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_counted_to_the_crate_whose_code_they_are() {
        assert_eq!(crate_of("passplus_web::app::App::h0123"), "passplus_web");
        assert_eq!(
            crate_of("<leptos::View as core::fmt::Debug>::fmt::h01"),
            "leptos"
        );
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R>>::parse"),
            "serde_json"
        );
        assert_eq!(crate_of("data segment \".rodata\""), "(data)");
        assert_eq!(crate_of("table[0]"), "(other)");
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::write"), "core");
        assert_eq!(
            crate_of("<T as tachys::view::any_view::IntoAny>::into_any"),
            "tachys"
        );
        assert_eq!(
            crate_of("<dlmalloc[e24a]::dlmalloc::Dlmalloc<dlmalloc[e24a]::sys::System>>::malloc"),
            "dlmalloc"
        );
        assert!(is_build_metadata(
            "custom section '__wasm_bindgen_unstable'"
        ));
        assert!(is_build_metadata("\"function names\" subsection"));
        assert!(is_build_metadata(
            "export \"__wbindgen_describe___wbg_new_0123\""
        ));
    }

    #[test]
    fn names_lose_their_hash() {
        assert_eq!(
            shorten("core::fmt::write::h1a2b3c4d5e6f7a8b"),
            "core::fmt::write"
        );
        assert_eq!(shorten("a::b"), "a::b");
    }
}
