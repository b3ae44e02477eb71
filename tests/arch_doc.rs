//! `docs/ARCHITECTURE.md` stays true where a test can tell: the numbers it states are the
//! constants in the code, and its topic table names every `Topic`.

use std::fs;
use std::path::PathBuf;

fn read(path: &str) -> String {
    fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The number after `needle` in `text` (`const PAGE: usize = 300;` → 300).
fn number_after(text: &str, needle: &str) -> u64 {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not found"));
    let digits: String = text[at + needle.len()..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '_')
        .filter(|c| *c != '_')
        .collect();
    digits.parse().unwrap()
}

#[test]
fn the_numbers_the_architecture_states_are_the_code_constants() {
    let doc = read("docs/ARCHITECTURE.md").replace('\n', " ");
    // (file, what defines the number, the sentence with {} for it)
    let facts = [
        ("src/ui/doc.rs", "const SETTLE", "edits pause for {} ms"),
        (
            "src/ui/views/health.rs",
            "const PAGE",
            "Health mounts {} findings a page",
        ),
        (
            "src/ui/views/matrix.rs",
            "const VIRTUAL_FROM",
            "more than {} chains",
        ),
        (
            "src/ui/views/structure/mod.rs",
            "const VIRTUAL_FROM",
            "more than {} boxes",
        ),
        (
            "src/ui/views/kpis/scroll.rs",
            "const ALL_UP_TO",
            "every row up to {} matching KPIs",
        ),
        (
            "src/model/checks/mod.rs",
            "const CHECKS: [(u8, Check); ",
            "the {} method checks",
        ),
    ];
    for (file, needle, sentence) in facts {
        let n = number_after(&read(file), needle);
        let want = sentence.replace("{}", &n.to_string());
        assert!(
            doc.contains(&want),
            "docs/ARCHITECTURE.md should say “{want}” ({file})"
        );
    }
}

#[test]
fn the_topic_table_names_every_topic() {
    let doc = read("docs/ARCHITECTURE.md");
    let touch = read("src/model/touch.rs");
    let start = touch.find("pub enum Topic {").unwrap();
    let body = &touch[start..start + touch[start..].find("\n}").unwrap()];
    let variants: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .map(|l| l.split(['(', ',']).next().unwrap())
        .collect();
    assert!(variants.len() >= 10, "{variants:?}");
    for v in variants {
        assert!(
            doc.lines()
                .any(|l| l.starts_with("| `") && l.contains(&format!("`{v}"))),
            "the topic table of docs/ARCHITECTURE.md lacks `{v}`"
        );
    }
}
