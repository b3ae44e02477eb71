//! The module table of `docs/ARCHITECTURE.md` is the rule, and this test enforces it: every
//! file under `src/<module>/` names only the modules and crates its row's "may use" column
//! lists (in backticks), and the browser crates in `storage` only in `storage/local.rs` and `storage/folder_fs.rs`.
//! Beside `arch_no_cycles.rs` (no import cycle between files).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

mod arch;
use arch::code;

const MODULES: [&str; 6] = ["model", "format", "storage", "session", "present", "ui"];
/// Crates a module may use without saying so.
const ALWAYS: [&str; 3] = ["std", "core", "alloc"];
/// The crates that need a browser.
const BROWSER: [&str; 6] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo_storage",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Module → what its row's "may use" column names in backticks.
fn table() -> BTreeMap<String, BTreeSet<String>> {
    let doc = fs::read_to_string(root().join("docs/ARCHITECTURE.md")).unwrap();
    let mut out = BTreeMap::new();
    for line in doc.lines().filter(|l| l.starts_with("| `src/")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        let module = cells[0]
            .trim_start_matches("| `src/")
            .trim_end_matches("/`");
        let may: BTreeSet<String> = cells
            .last()
            .unwrap()
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|s| s.replace('-', "_"))
            .collect();
        out.insert(module.to_string(), may);
    }
    out
}

/// The crates named in `Cargo.toml`'s dependency tables (not dev-dependencies).
fn crates() -> BTreeSet<String> {
    let toml = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let mut out = BTreeSet::new();
    let mut in_deps = false;
    for line in toml.lines() {
        if line.starts_with('[') {
            in_deps = line.trim_end_matches(']').ends_with("dependencies")
                && !line.contains("dev-dependencies");
        } else if in_deps {
            if let Some((name, _)) = line.split_once('=') {
                out.insert(name.trim().replace('-', "_"));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first names of the paths in `code` (`crate::model::x` gives `model` as a module; a
/// crate's name followed by `::` gives that crate).
fn names(code: &str, crates: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut rest = code;
    while let Some(i) = rest.find("::") {
        let before = &rest[..i];
        let start = before.rfind(|c| !word(c)).map_or(0, |j| j + 1);
        let name = &before[start..];
        let after = &rest[i + 2..];
        if name == "crate" {
            let end = after.find(|c| !word(c)).unwrap_or(after.len());
            out.insert(after[..end].to_string());
        } else if crates.contains(name) && !before[..start].ends_with("::") {
            out.insert(name.to_string());
        }
        rest = after;
    }
    out
}

#[test]
fn every_module_uses_only_what_the_architecture_table_allows() {
    let table = table();
    let crates = crates();
    let mut problems = Vec::new();
    for module in MODULES {
        let Some(may) = table.get(module) else {
            problems.push(format!(
                "docs/ARCHITECTURE.md has no row for `src/{module}/`"
            ));
            continue;
        };
        let mut files = Vec::new();
        rust_files(&root().join("src").join(module), &mut files);
        for file in files {
            let text = code(&fs::read_to_string(&file).unwrap());
            for name in names(&text, &crates) {
                let ours = MODULES.contains(&name.as_str());
                let is_crate = crates.contains(&name);
                if name == module || ALWAYS.contains(&name.as_str()) || (!ours && !is_crate) {
                    continue;
                }
                if !may.contains(&name) {
                    problems.push(format!("{} uses `{name}`", file.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "not in the table:\n{}",
        problems.join("\n")
    );
}

#[test]
fn only_the_ui_and_storage_local_touch_the_browser() {
    let crates = crates();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let ui = root().join("src/ui");
    let allowed = [
        root().join("src/storage/local.rs"),
        root().join("src/storage/folder_fs.rs"),
        root().join("src/main.rs"),
    ];
    for file in files {
        if file.starts_with(&ui) || allowed.contains(&file) {
            continue;
        }
        let text = code(&fs::read_to_string(&file).unwrap());
        let used: Vec<String> = names(&text, &crates)
            .into_iter()
            .filter(|n| BROWSER.contains(&n.as_str()))
            .collect();
        assert!(used.is_empty(), "{} uses {used:?}", file.display());
    }
}

/// The test itself: a file naming a module outside its row is found.
#[test]
fn a_forbidden_use_is_found() {
    let crates = crates();
    let found = names(
        "use crate::ui::state::App;\nlet x = leptos::prelude::x;",
        &crates,
    );
    assert!(
        found.contains("ui") && found.contains("leptos"),
        "{found:?}"
    );
    let may = &table()["model"];
    assert!(!may.contains("ui") && !may.contains("leptos"));
}

/// Views read the model through a `Reader` (`Doc::read`), so what they depend on follows from
/// what they read: no file of the UI but `ui/doc.rs` names a `Topic` (a hand-kept list of
/// dependencies). Comments do not count.
#[test]
fn no_view_lists_its_topics_by_hand() {
    let mut files = Vec::new();
    rust_files(&root().join("src/ui"), &mut files);
    let doc = root().join("src/ui/doc.rs");
    let listing: Vec<String> = files
        .iter()
        .filter(|f| **f != doc)
        .filter(|f| names_topic(&code(&fs::read_to_string(f).unwrap())))
        .map(|f| f.display().to_string())
        .collect();
    assert!(listing.is_empty(), "these name a Topic: {listing:?}");
    assert!(names_topic("app.doc.track(Topic::Kpis);"));
    assert!(!names_topic(&code(
        "// Topic::Kpis in a comment\nlet x = 1;"
    )));
}

fn names_topic(code: &str) -> bool {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|w| w == "Topic")
}
