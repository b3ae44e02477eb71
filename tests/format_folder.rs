//! A shared folder's files (issue 21, `docs/FORMAT.md` "Shared folder, version 1"): writer
//! slugs, file-name classification (sync clients' copies included), the change file through
//! JSON and back, and a whole folder read and merged.

use kpi_structure::format::*;
use kpi_structure::model::changes::{diff, Change, ChangeFile};
use kpi_structure::model::{Edit, Id, KpiField, Model, Period};

mod support;
use support::coffee;

#[test]
fn writer_slugs() {
    for (name, slug) in [
        ("Anna de Vries", "anna-de-vries"),
        ("  Anna   de Vries ", "anna-de-vries"),
        ("José Müller-Lüdenscheid", "jose-muller-ludenscheid"),
        ("Ørjan Æbelø", "orjan-aebelo"),
        ("Straße", "strasse"),
        ("O'Brien, Pat (finance)", "o-brien-pat-finance"),
        ("李", "u674e"),
        ("", "anonymous"),
        ("  --  ", "anonymous"),
        ("../../etc", "etc"),
    ] {
        assert_eq!(writer_slug(name), slug, "{name}");
    }
    assert_eq!(writer_slug(&"x".repeat(200)).len(), 60);
    assert_eq!(
        changes_file_name("Anna de Vries"),
        "anna-de-vries.kpi-changes.json"
    );
}

#[test]
fn file_names_are_classified_sync_copies_included() {
    let copy = |of: &str| FolderFile::SyncCopy { of: of.into() };
    let anna = "anna-de-vries.kpi-changes.json";
    let table = [
        ("kpi-structure.kpi.json", FolderFile::Base),
        (
            anna,
            FolderFile::Changes {
                slug: "anna-de-vries".into(),
            },
        ),
        (
            "changes/anna-de-vries.kpi-changes.json",
            FolderFile::Changes {
                slug: "anna-de-vries".into(),
            },
        ),
        (
            "anna-de-vries (conflicted copy).kpi-changes.json",
            copy(anna),
        ),
        (
            "anna-de-vries (Anna's conflicted copy 2026-12-04).kpi-changes.json",
            copy(anna),
        ),
        (
            "anna-de-vries (Anna de Vries's conflicted copy).kpi-changes.json",
            copy(anna),
        ),
        (
            "anna-de-vries (conflicted copy 2026-12-04 101500).kpi-changes.json",
            copy(anna),
        ),
        ("anna-de-vries-DESKTOP-AB12CD.kpi-changes.json", copy(anna)),
        (
            "anna-de-vries-Annas-MacBook-Pro.kpi-changes.json",
            copy(anna),
        ),
        ("anna-de-vries (1).kpi-changes.json", copy(anna)),
        ("anna-de-vries (1) (2).kpi-changes.json", copy(anna)),
        ("anna-de-vries - Copy.kpi-changes.json", copy(anna)),
        ("anna-de-vries - Kopie.kpi-changes.json", copy(anna)),
        (
            "anna-de-vries.kpi-changes.sync-conflict-20261204-101500-ABC1234.json",
            copy(anna),
        ),
        (
            "kpi-structure (conflicted copy).kpi.json",
            copy("kpi-structure.kpi.json"),
        ),
        (
            "kpi-structure-DESKTOP-AB12CD.kpi.json",
            copy("kpi-structure.kpi.json"),
        ),
        ("kpi-structure (1).kpi.json", copy("kpi-structure.kpi.json")),
        (
            "kpi-structure.kpi.sync-conflict-20261204-101500-ABC1234.json",
            copy("kpi-structure.kpi.json"),
        ),
        ("Coffee machines.kpi.json", FolderFile::Other),
        ("Anna.kpi-changes.json", FolderFile::Other),
        (".DS_Store", FolderFile::Other),
        ("desktop.ini", FolderFile::Other),
        (
            "notes.sync-conflict-20261204-101500-ABC1234.txt",
            FolderFile::Other,
        ),
        (".kpi-changes.json", FolderFile::Other),
    ];
    for (name, want) in table {
        assert_eq!(classify(name), want, "{name}");
    }
}

fn anna_file(base: &Model) -> ChangeFile {
    let mut now = base.clone();
    now.apply(Edit::SetValue {
        kpi: Id::new("k3"),
        period: Period::parse("2026-12").unwrap(),
        value: Some(13.1),
    })
    .unwrap();
    now.apply(Edit::SetKpi {
        id: Id::new("k4"),
        field: KpiField::Name("Installed on time, \"really\"".into()),
    })
    .unwrap();
    let mut f = ChangeFile::for_base(base, "Anna de Vries");
    f.changes = diff(base, &now, "2026-12-04T10:15:00.000Z");
    f.changes.push(Change {
        key: "kpi/k9".into(),
        value: None,
        old: Some(serde_json::json!(true)),
        at: "2026-12-04T10:16:00.000Z".into(),
    });
    f
}

#[test]
fn a_change_file_goes_through_json_and_back() {
    let base = coffee();
    let f = anna_file(&base);
    let text = changes_to_json(&f);
    assert!(text.starts_with("{\n  \"format\": \"kpi-structure-changes\",\n  \"version\": 1,"));
    assert!(text.contains("\n    {\"key\":\"kpi/k3/value/2026-12\",\"value\":13.1,\"old\":null,\"at\":\"2026-12-04T10:15:00.000Z\"},\n"));
    let back = read_changes(&text).unwrap();
    assert_eq!(back.file, f);
    assert!(back.warnings.is_empty());
    let empty = ChangeFile::for_base(&base, "Ben");
    assert_eq!(read_changes(&changes_to_json(&empty)).unwrap().file, empty);
    serde_json::from_str::<serde_json::Value>(&changes_to_json(&empty)).unwrap();
}

#[test]
fn change_files_that_do_not_read_say_why_in_both_languages() {
    let cases = [
        ("", ProblemKind::NotJson),
        ("{\"format\":\"kpi-structure-changes\",\"version\":1,\"model\":\"m\",\"wri", ProblemKind::NotJson),
        ("[1]", ProblemKind::NotKpiStructure),
        ("{\"type\":\"kpi-structure\",\"version\":2}", ProblemKind::NotKpiStructure),
        ("{\"format\":\"kpi-structure-changes\",\"version\":2,\"model\":\"m\",\"writer\":\"A\",\"changes\":[]}", ProblemKind::NewerVersion),
        ("{\"format\":\"kpi-structure-changes\",\"version\":0}", ProblemKind::BadVersion),
        ("{\"format\":\"kpi-structure-changes\",\"version\":1,\"writer\":\"A\",\"changes\":[]}", ProblemKind::Missing),
        ("{\"format\":\"kpi-structure-changes\",\"version\":1,\"model\":\"m\",\"writer\":3,\"changes\":[]}", ProblemKind::WrongType),
        ("{\"format\":\"kpi-structure-changes\",\"version\":1,\"model\":\"m\",\"writer\":\"A\",\"changes\":{}}", ProblemKind::WrongType),
    ];
    for (text, kind) in cases {
        let p = read_changes(text).unwrap_err();
        assert_eq!(p.kind, kind, "{text}");
        assert!(
            !p.en.is_empty() && !p.nl.is_empty() && p.en != p.nl,
            "{p:?}"
        );
    }
    // Entries that are not changes are skipped, each with a warning; the rest read.
    let text = r#"{"format":"kpi-structure-changes","version":1,"model":"m","writer":"A","changes":[
        {"key":"kpi/k1/name","value":"X","at":"2026-12-04T10:15:00Z","by_a_newer_version":1},
        {"key":"kpi/k1/name","value":"Y"}, 7, {"key":"","at":"2026-12-04T10:15:00Z"}]}"#;
    let r = read_changes(text).unwrap();
    assert_eq!(r.file.changes.len(), 1);
    assert_eq!(r.file.changes[0].old, None);
    let paths: Vec<&str> = r.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["changes[1]", "changes[2]", "changes[3]"]);
}

#[test]
fn a_folder_reads_with_its_sync_copies_and_merges() {
    let base = coffee();
    let anna = anna_file(&base);
    let mut early = anna.clone();
    early.changes.truncate(1);
    let mut other_model = ChangeFile::for_base(&base, "Eve");
    other_model.model = Id::new("another");
    let mut ben = ChangeFile::for_base(&base, "Ben");
    ben.base = "0000000000000000".into();
    let files: Vec<(String, String)> = [
        ("kpi-structure.kpi.json", export_json(&base)),
        (
            "changes/anna-de-vries.kpi-changes.json",
            changes_to_json(&anna),
        ),
        (
            "changes/anna-de-vries (conflicted copy).kpi-changes.json",
            changes_to_json(&early),
        ),
        (
            "changes/anna-de-vries-desktop-ab12cd.kpi-changes.json",
            changes_to_json(&early),
        ),
        ("changes/ben.kpi-changes.json", changes_to_json(&ben)),
        (
            "changes/eve.kpi-changes.json",
            changes_to_json(&other_model),
        ),
        (
            "changes/cas.kpi-changes.json",
            "{\"format\":\"kpi-structure-chan".to_string(),
        ),
        ("kpi-structure (1).kpi.json", export_json(&Model::default())),
        ("notes.txt", "hello".to_string()),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t))
    .collect();
    let folder = read_folder(&files).unwrap();
    assert_eq!(folder.base, base);
    assert_eq!(folder.files.len(), 4);
    assert_eq!(
        folder.copies,
        [
            "anna-de-vries (conflicted copy).kpi-changes.json",
            "anna-de-vries-desktop-ab12cd.kpi-changes.json",
            "kpi-structure (1).kpi.json"
        ]
    );
    let unread: Vec<(&str, ProblemKind)> = folder
        .unread
        .iter()
        .map(|(n, p)| (n.as_str(), p.kind))
        .collect();
    assert_eq!(
        unread,
        [
            ("cas.kpi-changes.json", ProblemKind::NotJson),
            ("eve.kpi-changes.json", ProblemKind::BadValue)
        ]
    );
    assert_eq!(folder.other_base, ["ben.kpi-changes.json"]);
    let merged = folder.merge();
    assert_eq!(
        merged.model.kpis[&Id::new("k4")].name,
        "Installed on time, \"really\""
    );
    assert!(!merged.model.kpis.contains_key(&Id::new("k9")));
    assert_eq!(merged.writers, ["Anna de Vries"]);
    // Anna's own file to write next: her entries once each, wherever they were found.
    assert_eq!(folder.mine("anna de vries").changes, anna.changes);
    assert!(folder.mine("Ben").changes.is_empty());
    assert_eq!(folder.name_taken("Anna de Vries"), None);
    assert_eq!(folder.name_taken("Anna-de-Vries"), Some("Anna de Vries"));
    assert_eq!(folder.name_taken("Cas"), None);
}

#[test]
fn a_folder_without_its_base_is_not_opened_unless_a_copy_of_it_is_there() {
    let base = coffee();
    let changes = (
        "changes/anna-de-vries.kpi-changes.json".to_string(),
        changes_to_json(&anna_file(&base)),
    );
    let err = read_folder(std::slice::from_ref(&changes)).unwrap_err();
    assert_eq!(err.errors[0].kind, ProblemKind::Missing);
    assert!(err.errors[0].en.contains("kpi-structure.kpi.json"));
    assert!(err.errors[0].nl.contains("Deze map heeft geen"));
    let copy = (
        "kpi-structure-DESKTOP-1.kpi.json".to_string(),
        export_json(&base),
    );
    let folder = read_folder(&[changes.clone(), copy]).unwrap();
    assert_eq!(folder.base, base);
    assert_eq!(folder.copies, ["kpi-structure-DESKTOP-1.kpi.json"]);
    assert_eq!(folder.files.len(), 1);
    // A base that does not open: its import errors.
    let broken = ("kpi-structure.kpi.json".to_string(), "{".to_string());
    let err = read_folder(&[broken, changes]).unwrap_err();
    assert_eq!(err.errors[0].kind, ProblemKind::NotJson);
}
