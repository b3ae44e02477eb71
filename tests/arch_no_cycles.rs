//! No import cycles between the files of `src/`.
//!
//! Reads every `src/**/*.rs` as text (the library crate; `main.rs` is its own crate and
//! nothing imports it), maps it to its module path (`src/model/apply/mod.rs` is
//! `model::apply`) and collects what it imports: `use` lines (`crate::`, `super::`, `self::`
//! and child paths, brace groups expanded) and `crate::…` / `super::…` paths in code.
//! A module's own children are its parts: using them is not an edge, re-exporting them
//! (`pub use child::X`) is; a child's `use super::X` is. Each path resolves to the file of its
//! longest module prefix or, when the next name is re-exported there (`pub use sibling::X`,
//! `pub use sibling::*`), to the file that defines it. `#[cfg(test)]` blocks are skipped.
//! Every strongly connected component of more than one file is a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::mem::take;
use std::path::Path;

mod arch;
use arch::code;

/// Module path (`"model::apply"`; the crate root is `""`) → the file's text, comments and
/// test blocks removed.
type Files = BTreeMap<String, String>;
/// Module path → the files it imports, each with the first path written that leads there.
type Graph<'f> = BTreeMap<&'f str, BTreeMap<String, String>>;
/// The words that define a name (`fn name`, `struct name`, ...).
const ITEMS: &str = "struct enum fn trait type const static macro_rules!";

fn read_files(src: &Path, dir: &Path, files: &mut Files) {
    for path in fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if path.is_dir() {
            read_files(src, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let module = rel
                .to_string_lossy()
                .replace(std::path::MAIN_SEPARATOR, "::");
            let module = match module.as_str() {
                "lib" => "",
                "main" => continue,
                m => m.strip_suffix("::mod").unwrap_or(m),
            };
            files.insert(module.into(), code(&fs::read_to_string(&path).unwrap()));
        }
    }
}

/// `a::{b, c::{d, e as f}, self}` → `a::b`, `a::c::d`, `a::c::e`, `a` (renames dropped).
fn expand(tree: &str) -> Vec<String> {
    let (mut out, mut prefixes, mut word) = (Vec::new(), vec![String::new()], String::new());
    for c in tree.chars().chain([',']) {
        let prefix = prefixes.last().cloned().unwrap_or_default();
        match c {
            '{' => prefixes.push(prefix + take(&mut word).trim()),
            ',' | '}' => {
                let word = take(&mut word);
                let path = word.split(" as ").next().unwrap_or("").trim();
                if !path.is_empty() {
                    out.push((prefix + path).trim_end_matches("::self").to_string());
                }
                if c == '}' {
                    prefixes.pop();
                }
            }
            c => word.push(if c.is_whitespace() { ' ' } else { c }),
        }
    }
    out
}

/// What a text imports: (from a `pub use`, the path) for every `use` line and every `crate::…`
/// or `super::…` path in the rest of the code.
fn imports(text: &str) -> Vec<(bool, String)> {
    let (mut found, mut code, mut from) = (Vec::new(), String::new(), 0);
    for (i, _) in text.match_indices("use ") {
        // Only where a line starts with `use`, `pub use`, `pub(crate) use`, ...
        let line = text[..i].rsplit('\n').next().unwrap_or("").trim();
        let public = line.starts_with("pub");
        let Some(end) = text[i..].find(';').map(|e| i + e) else {
            break;
        };
        if i >= from && (line.is_empty() || public && !line.contains(' ')) {
            code.push_str(&text[from..i]);
            from = end + 1;
            found.extend(expand(&text[i + 4..end]).into_iter().map(|p| (public, p)));
        }
    }
    code.push_str(&text[from..]);
    let is_path = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for start in ["crate::", "super::"] {
        for (i, _) in code
            .match_indices(start)
            .filter(|(i, _)| !code[..*i].ends_with(is_path))
        {
            let len = code[i..].find(|c| !is_path(c)).unwrap_or(code.len() - i);
            found.push((false, code[i..i + len].trim_end_matches(':').to_string()));
        }
    }
    found
}

/// `path` as written in module `at`, made absolute; `None` if it leaves the crate.
fn absolute(at: &str, path: &str, files: &Files) -> Option<Vec<String>> {
    let mut module: Vec<&str> = at.split("::").filter(|s| !s.is_empty()).collect();
    let mut segs = path.split("::").peekable();
    match *segs.peek()? {
        "crate" => module.clear(),
        "self" | "super" => {}
        child if files.contains_key(&[&module[..], &[child]].concat().join("::")) => {}
        _ => return None,
    }
    while let Some(s) = segs.next_if(|s| matches!(*s, "crate" | "self" | "super")) {
        if s == "super" {
            module.pop();
        }
    }
    Some(module.into_iter().chain(segs).map(String::from).collect())
}

/// The file an absolute path lands in (see the file's doc), following re-exports.
fn resolve(segs: &[String], files: &Files, depth: usize) -> String {
    let (file, rest) = (0..=segs.len())
        .rev()
        .map(|n| (segs[..n].join("::"), &segs[n..]))
        .find(|(m, _)| files.contains_key(m))
        .unwrap_or_default();
    let (Some(name), true) = (rest.first(), depth < 8) else {
        return file;
    };
    let defines = |file: &str| {
        let is_word = |c: char| c.is_alphanumeric() || "_!".contains(c);
        let words: Vec<&str> = files[file].split(|c| !is_word(c)).collect();
        words
            .windows(2)
            .any(|w| w[1] == name && ITEMS.split(' ').any(|k| k == w[0]))
    };
    if defines(&file) {
        return file;
    }
    let public = imports(&files[&file])
        .into_iter()
        .filter(|(public, _)| *public);
    for (_, p) in public {
        match absolute(&file, &p, files) {
            Some(t) if t.last() == Some(name) => return resolve(&t, files, depth + 1),
            Some(t) if p.ends_with("::*") => {
                let glob = resolve(&t[..t.len() - 1], files, depth + 1);
                if defines(&glob) {
                    return glob;
                }
            }
            _ => {}
        }
    }
    file
}

/// Each file's imports: the files they resolve to, with the path that leads there.
fn graph(files: &Files) -> Graph<'_> {
    let mut g = BTreeMap::new();
    for (module, text) in files {
        let mut edges = BTreeMap::new();
        for (public, p) in imports(text) {
            let to = absolute(module, &p, files).map_or(module.clone(), |s| resolve(&s, files, 0));
            let part = module.is_empty() || to.starts_with(&format!("{module}::"));
            if &to != module && (public || !part) {
                edges.entry(to).or_insert(p);
            }
        }
        g.insert(module.as_str(), edges);
    }
    g
}

/// Strongly connected components of more than one file: files that reach each other.
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let (mut seen, mut todo) = (BTreeSet::from([from.to_string()]), vec![from.to_string()]);
        while let Some(v) = todo.pop() {
            todo.extend(
                g[v.as_str()]
                    .keys()
                    .filter(|to| seen.insert(to.to_string()))
                    .cloned(),
            );
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<String>> = g.keys().map(|v| (*v, reach(v))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (v, from_v) in &reached {
        let scc: Vec<String> = from_v
            .iter()
            .filter(|w| reached[w.as_str()].contains(*v))
            .cloned()
            .collect();
        if scc.len() > 1 && !found.contains(&scc) {
            found.push(scc);
        }
    }
    found
}

/// Every cycle with the imports inside it (`a -> b  (the path)`), and the cycles themselves.
fn report() -> (String, Vec<Vec<String>>) {
    let mut files = Files::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    read_files(&src, &src, &mut files);
    let g = graph(&files);
    let found = cycles(&g);
    let mut text = String::new();
    for scc in &found {
        text += &format!("cycle: {}\n", scc.join(", "));
        for from in scc {
            for (to, path) in g[from.as_str()].iter().filter(|(to, _)| scc.contains(to)) {
                text += &format!("    {from} -> {to}  ({path})\n");
            }
        }
    }
    (text, found)
}

#[test]
fn no_import_cycles() {
    let (text, found) = report();
    assert!(found.is_empty(), "import cycles between files:\n{text}");
}

/// Until the ui's cycles are gone: none anywhere else.
#[test]
fn no_import_cycles_outside_ui() {
    let (text, found) = report();
    let outside = found.iter().flatten().any(|m| !m.starts_with("ui::"));
    assert!(!outside, "import cycles between files:\n{text}");
}
