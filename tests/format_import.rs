//! Import: every error kind with its path and message, limits, versions, hostile input.

use kpi_structure::format::{
    export_json, file_name, import_json, import_json_with, ImportErrors, Lang, Migration, Problem,
    ProblemKind, CURRENT_VERSION, MAX_FILE_BYTES,
};
use kpi_structure::model::{Attach, Direction, Id, Model};
use serde_json::{json, Value};

/// A small valid file as a JSON value, to be broken by each test.
fn valid() -> Value {
    json!({
        "type": "kpi-structure",
        "version": 2,
        "source": {"app": "KPI Structure"},
        "model": {
            "id": "m1",
            "name": "Coffee machines",
            "goals": [{"id": "g1", "name": "Customer satisfaction"}],
            "departments": [{"id": "d1", "name": "Sales"}, {"id": "d2", "name": "Service"}],
            "chains": [{
                "id": "c1", "name": "New coffee machine", "owner": "Commercial director",
                "trigger": "wants a machine", "outcome": "machine installed",
                "links": [
                    {"id": "l1", "name": "Sales", "department": "d1"},
                    {"id": "l2", "name": "Service", "department": "d2"}
                ]
            }],
            "kpis": [
                {"id": "k1", "name": "Customer satisfaction", "at": {"level": "result", "goal": "g1"},
                 "unit": "mark", "direction": "higher", "target": 9, "red": 8.5},
                {"id": "k2", "name": "Installed on time", "at": {"level": "chain", "chain": "c1"},
                 "unit": "%", "direction": "higher", "target": 95, "red": 90, "drives": ["k1"]},
                {"id": "k3", "name": "Quotes within 2 days", "at": {"level": "link", "chain": "c1", "link": "l1"},
                 "unit": "%", "direction": "higher", "target": 90, "red": 85, "drives": ["k2"]}
            ]
        }
    })
}

fn open(v: &Value) -> Result<kpi_structure::format::Imported, ImportErrors> {
    import_json(&v.to_string())
}

fn errors(v: &Value) -> Vec<Problem> {
    match open(v) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.errors,
    }
}

/// Asserts exactly one error, with this kind, path and English sentence.
fn one_error(v: &Value, kind: ProblemKind, path: &str, en: &str) -> Problem {
    let errs = errors(v);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let p = errs[0].clone();
    assert_eq!(p.kind, kind, "{p:?}");
    assert_eq!(p.path, path, "{p:?}");
    assert_eq!(p.en, en);
    assert!(!p.nl.is_empty() && p.nl != p.en, "Dutch missing: {p:?}");
    p
}

#[test]
fn valid_file_opens_without_warnings() {
    let imported = open(&valid()).unwrap();
    assert!(imported.warnings.is_empty());
    let m = imported.model;
    assert_eq!(m.name, "Coffee machines");
    assert_eq!(m.kpis.len(), 3);
    assert_eq!(m.chains[0].links[1].department, Some(Id::from("d2")));
    assert_eq!(
        m.kpis[2].at,
        Attach::Link {
            chain: "c1".into(),
            link: "l1".into()
        }
    );
}

#[test]
fn unknown_department() {
    let mut v = valid();
    v["model"]["chains"][0]["links"][0]["department"] = json!("d9");
    one_error(
        &v,
        ProblemKind::UnknownReference,
        "chains[0].links[0].department",
        "chains[0].links[0].department refers to a department that is not in the file",
    );
}

#[test]
fn bad_direction() {
    let mut v = valid();
    v["model"]["kpis"][1]["direction"] = json!("up");
    let p = one_error(
        &v,
        ProblemKind::BadValue,
        "kpis[1].direction",
        "kpis[1].direction must be one of higher, lower, band",
    );
    assert_eq!(
        p.message(Lang::Nl),
        "kpis[1].direction moet een van deze zijn: higher, lower, band"
    );
}

#[test]
fn bad_frequency_and_value_type() {
    let mut v = valid();
    v["model"]["kpis"][0]["frequency"] = json!("hourly");
    v["model"]["kpis"][0]["value_type"] = json!(3);
    let errs = errors(&v);
    assert_eq!(errs.len(), 2);
    assert_eq!(
        errs[0].en,
        "kpis[0].frequency must be one of daily, weekly, monthly, quarterly, yearly"
    );
    assert_eq!(
        errs[1].en,
        "kpis[0].value_type must be one of customer, internal"
    );
}

#[test]
fn choices_are_lenient_about_case_and_unset() {
    let mut v = valid();
    v["model"]["kpis"][0]["direction"] = json!(" Lower ");
    v["model"]["kpis"][1]["direction"] = json!("unset");
    v["model"]["kpis"][2]["direction"] = json!("");
    let m = open(&v).unwrap().model;
    assert_eq!(m.kpis[0].direction, Direction::Lower);
    assert_eq!(m.kpis[1].direction, Direction::Unset);
    assert_eq!(m.kpis[2].direction, Direction::Unset);
}

#[test]
fn unknown_drives() {
    let mut v = valid();
    v["model"]["kpis"][2]["drives"] = json!(["k2", "k404"]);
    one_error(
        &v,
        ProblemKind::UnknownReference,
        "kpis[2].drives[1]",
        "kpis[2].drives[1] refers to a KPI that is not in the file",
    );
}

#[test]
fn duplicate_ids() {
    let mut v = valid();
    v["model"]["goals"] = json!([{"id": "g1"}, {"id": "g1", "name": "again"}]);
    one_error(
        &v,
        ProblemKind::DuplicateId,
        "goals[1].id",
        "goals[1].id is used twice",
    );
    let mut v = valid();
    v["model"]["kpis"][2]["id"] = json!("k1");
    let errs = errors(&v);
    assert!(errs.iter().any(|p| p.en == "kpis[2].id is used twice"));
    let mut v = valid();
    v["model"]["chains"][0]["links"][1]["id"] = json!("l1");
    one_error(
        &v,
        ProblemKind::DuplicateId,
        "chains[0].links[1].id",
        "chains[0].links[1].id is used twice in this chain",
    );
}

#[test]
fn unknown_attachments() {
    let mut v = valid();
    v["model"]["kpis"][0]["at"]["goal"] = json!("g7");
    one_error(
        &v,
        ProblemKind::UnknownReference,
        "kpis[0].at.goal",
        "kpis[0].at.goal refers to a goal that is not in the file",
    );
    let mut v = valid();
    v["model"]["kpis"][1]["at"]["chain"] = json!("c7");
    one_error(
        &v,
        ProblemKind::UnknownReference,
        "kpis[1].at.chain",
        "kpis[1].at.chain refers to a chain that is not in the file",
    );
    let mut v = valid();
    v["model"]["kpis"][2]["at"]["link"] = json!("l7");
    one_error(
        &v,
        ProblemKind::UnknownReference,
        "kpis[2].at.link",
        "kpis[2].at.link refers to a link of that chain that is not in the file",
    );
}

#[test]
fn bad_attachments() {
    let mut v = valid();
    v["model"]["kpis"][0].as_object_mut().unwrap().remove("at");
    one_error(
        &v,
        ProblemKind::Missing,
        "kpis[0].at",
        "kpis[0].at is missing (it says whether the KPI measures a goal, a chain, a link or a handover)",
    );
    let mut v = valid();
    v["model"]["kpis"][0]["at"]["level"] = json!("department");
    one_error(
        &v,
        ProblemKind::BadValue,
        "kpis[0].at.level",
        "kpis[0].at.level must be one of result, chain, link, handover",
    );
    let mut v = valid();
    v["model"]["kpis"][0]["at"] = json!({"level": "result"});
    one_error(
        &v,
        ProblemKind::Missing,
        "kpis[0].at.goal",
        "kpis[0].at.goal is missing",
    );
    let mut v = valid();
    v["model"]["kpis"][0]["at"] = json!("g1");
    one_error(
        &v,
        ProblemKind::WrongType,
        "kpis[0].at",
        "kpis[0].at must be an object ({ ... }) but is not",
    );
}

#[test]
fn ids_missing_empty_or_wrong_type() {
    let mut v = valid();
    v["model"]["departments"][0]
        .as_object_mut()
        .unwrap()
        .remove("id");
    let errs = errors(&v);
    assert_eq!(errs[0].en, "departments[0].id is missing");
    assert_eq!(errs[0].kind, ProblemKind::Missing);
    // The link that referred to d1 now refers to nothing.
    assert_eq!(
        errs[1].en,
        "chains[0].links[0].department refers to a department that is not in the file"
    );
    let mut v = valid();
    v["model"]["goals"][0]["id"] = json!("");
    let errs = errors(&v);
    assert_eq!(errs[0].kind, ProblemKind::EmptyId);
    assert_eq!(errs[0].en, "goals[0].id must not be empty");
    let mut v = valid();
    v["model"]["kpis"][2]["drives"] = json!([2]);
    one_error(
        &v,
        ProblemKind::WrongType,
        "kpis[2].drives[0]",
        "kpis[2].drives[0] must be an id written as text",
    );
}

#[test]
fn wrong_types_of_optional_fields() {
    let mut v = valid();
    v["model"]["name"] = json!(42);
    v["model"]["created"] = json!("yesterday");
    v["model"]["goals"] = json!({"id": "g1"});
    v["model"]["chains"][0]["links"][0]["external"] = json!("no");
    v["model"]["chains"][0]["links"][1] = json!("Service");
    v["model"]["kpis"][1]["target"] = json!("95");
    let en: Vec<String> = errors(&v).into_iter().map(|p| p.en).collect();
    assert_eq!(
        en,
        vec![
            "name must be text",
            "created must be a number",
            "goals must be a list ([ ... ])",
            "chains[0].links[0].external must be true or false",
            "chains[0].links[1] must be an object ({ ... }) but is not",
            // the goal list was unusable, so the result KPI's goal is unknown
            "kpis[0].at.goal refers to a goal that is not in the file",
            "kpis[1].target must be a number (without quotes)",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = valid();
    v["model"]["chains"][0]["links"][0]["department"] = json!("d9");
    v["model"]["kpis"][0]["direction"] = json!("up");
    v["model"]["kpis"][1]["drives"] = json!(["nope"]);
    v["model"]["kpis"][2]["at"]["chain"] = json!("c9");
    let e = open(&v).unwrap_err();
    assert_eq!(e.errors.len(), 4, "{e}");
    assert_eq!(e.to_string().lines().count(), 4);
    assert_eq!(e.messages(Lang::Nl).len(), 4);
}

#[test]
fn missing_or_bad_model() {
    let mut v = valid();
    v.as_object_mut().unwrap().remove("model");
    one_error(&v, ProblemKind::Missing, "model", "model is missing");
    let mut v = valid();
    v["model"] = json!([]);
    one_error(
        &v,
        ProblemKind::WrongType,
        "model",
        "model must be an object ({ ... }) but is not",
    );
}

#[test]
fn defaults_unknown_fields_and_nulls() {
    let v = json!({
        "type": "kpi-structure", "version": 1, "futureField": {"x": [1, 2]},
        "model": {"name": null, "colour": "red", "kpis": [
            {"id": "k1", "at": {"level": "chain", "chain": "c1"}, "sparkline": true, "unit": null}
        ], "chains": [{"id": "c1", "links": null}]}
    });
    let imported = open(&v).unwrap();
    let m = imported.model;
    assert_eq!(
        m.id,
        Id::default(),
        "missing model id stays empty for the caller"
    );
    assert_eq!(m.name, "");
    assert_eq!(m.kpis[0].unit, "");
    assert!(m.chains[0].links.is_empty());
    assert!(imported.warnings.is_empty());
}

#[test]
fn cycles_and_repeated_drives_are_warnings() {
    let mut v = valid();
    v["model"]["kpis"][1]["drives"] = json!(["k1", "k3", "k1"]);
    let imported = open(&v).unwrap();
    let kinds: Vec<ProblemKind> = imported.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        vec![ProblemKind::DuplicateReference, ProblemKind::Cycle]
    );
    assert_eq!(imported.warnings[0].path, "kpis[1].drives[2]");
    assert_eq!(
        imported.warnings[1].en,
        "kpis[1].drives makes a cycle in what drives what: Installed on time → Quotes within 2 days → Installed on time"
    );
    assert_eq!(
        imported.model.kpis[1].drives,
        vec![Id::from("k1"), Id::from("k3")]
    );

    let mut v = valid();
    v["model"]["kpis"][0]["drives"] = json!(["k1"]);
    let w = open(&v).unwrap().warnings;
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path, "kpis[0].drives");
}

#[test]
fn utf8_bom_is_accepted() {
    let text = format!("\u{feff}{}", valid());
    assert!(import_json(&text).is_ok());
}

#[test]
fn not_json_empty_or_not_ours() {
    let e = import_json("{\"type\": \"kpi-structure\", ").unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::NotJson);
    assert!(e.errors[0].en.contains("ends too early"), "{e}");
    let e = import_json("{,}").unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::NotJson);
    assert!(e.errors[0].nl.contains("regel 1"), "{:?}", e.errors[0]);
    let e = import_json("  \n").unwrap_err();
    assert_eq!(e.errors[0].en, "This file is empty.");

    let mut v = valid();
    v.as_object_mut().unwrap().remove("type");
    let p = one_error(
        &v,
        ProblemKind::NotKpiStructure,
        "type",
        "This is not a KPI Structure file: it has no \"type\": \"kpi-structure\".",
    );
    assert!(p.nl.starts_with("Dit is geen KPI Structure-bestand"));
    let mut v = valid();
    v["type"] = json!("bpmn");
    one_error(
        &v,
        ProblemKind::NotKpiStructure,
        "type",
        "This is not a KPI Structure file: its \"type\" is \"bpmn\", not \"kpi-structure\".",
    );
    let e = import_json("[1, 2]").unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::NotKpiStructure);
    let e = import_json("\"kpi-structure\"").unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::NotKpiStructure);
}

#[test]
fn bad_versions() {
    for bad in [json!(null), json!(0), json!(-1), json!(1.5), json!("1")] {
        let mut v = valid();
        v["version"] = bad;
        let e = open(&v).unwrap_err();
        assert_eq!(e.errors[0].kind, ProblemKind::BadVersion, "{e}");
    }
    let mut v = valid();
    v["version"] = json!(1.0);
    assert!(open(&v).is_ok());
}

#[test]
fn newer_version_is_refused_with_update_message() {
    let mut v = valid();
    v["version"] = json!(CURRENT_VERSION + 1);
    let p = one_error(
        &v,
        ProblemKind::NewerVersion,
        "version",
        "This file was made with a newer version of KPI Structure (version 4). Update the app to open it.",
    );
    assert_eq!(
        p.nl,
        "Dit bestand is gemaakt met een nieuwere versie van KPI Structure (versie 4). Werk de app bij om het te openen."
    );
    let mut v = valid();
    v["version"] = json!(u64::MAX);
    assert_eq!(errors(&v)[0].kind, ProblemKind::NewerVersion);
}

/// A hypothetical v1 -> v2 step; it marks the description so the test sees it ran.
fn v1_to_v2(mut file: Value, _: &mut Vec<Problem>) -> Result<Value, Problem> {
    let desc = file["model"]["description"]
        .as_str()
        .unwrap_or("")
        .to_string();
    file["model"]["description"] = json!(format!("{desc}[v2]"));
    Ok(file)
}

fn v2_to_v3(mut file: Value, _: &mut Vec<Problem>) -> Result<Value, Problem> {
    if file["version"] != json!(2) {
        return Err(Problem::new(
            ProblemKind::MigrationFailed,
            "version",
            "expected version 2",
            "versie 2 verwacht",
        ));
    }
    let desc = file["model"]["description"]
        .as_str()
        .unwrap_or("")
        .to_string();
    file["model"]["description"] = json!(format!("{desc}[v3]"));
    Ok(file)
}

fn failing(_: Value, _: &mut Vec<Problem>) -> Result<Value, Problem> {
    Err(Problem::new(
        ProblemKind::MigrationFailed,
        "model",
        "cannot convert",
        "kan niet omzetten",
    ))
}

#[test]
fn version_1_file_opens_after_future_migrations() {
    let mut v1 = valid();
    v1["version"] = json!(1);
    let text = v1.to_string();
    let future: &[(u32, Migration)] = &[(1, v1_to_v2)];
    let m = import_json_with(&text, 2, future).unwrap().model;
    assert_eq!(m.description, "[v2]");
    let future: &[(u32, Migration)] = &[(1, v1_to_v2), (2, v2_to_v3)];
    let m = import_json_with(&text, 3, future).unwrap().model;
    assert_eq!(
        m.description, "[v2][v3]",
        "applied in order, version updated between"
    );
    // A version-2 file only runs the later step.
    let mut v2 = valid();
    v2["version"] = json!(2);
    let m = import_json_with(&v2.to_string(), 3, future).unwrap().model;
    assert_eq!(m.description, "[v3]");
    // A failing or absent step is an error, not a panic.
    let bad: &[(u32, Migration)] = &[(1, failing)];
    let e = import_json_with(&text, 2, bad).unwrap_err();
    assert_eq!(e.errors[0].en, "cannot convert");
    let e = import_json_with(&text, 2, &[]).unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::MigrationFailed);
}

/// A version-1 file with free-text norms.
fn v1_norms() -> Value {
    let mut v = valid();
    v["version"] = json!(1);
    let kpis = &mut v["model"]["kpis"];
    for (i, (t, a, r)) in [
        ("9+", "8,5 - 9", "below 8.5"),
        ("high", "", ""),
        ("90 - 95%", "", "below 85% or above 100%"),
    ]
    .into_iter()
    .enumerate()
    {
        let k = kpis[i].as_object_mut().unwrap();
        k.remove("red");
        k.insert("target".into(), json!(t));
        k.insert("amber".into(), json!(a));
        k.insert("red".into(), json!(r));
    }
    kpis[2]["direction"] = json!("band");
    v
}

#[test]
fn version_1_norms_become_numbers_and_keep_their_text() {
    let imported = open(&v1_norms()).unwrap();
    let k = &imported.model.kpis;
    assert_eq!((k[0].target, k[0].red), (Some(9.0), Some(8.5)));
    assert_eq!(k[0].norm_description, "9+ · amber 8,5 - 9 · red below 8.5");
    assert_eq!((k[1].target, k[1].red), (None, None));
    assert_eq!(k[1].norm_description, "high");
    assert_eq!(
        (k[2].low, k[2].high, k[2].tolerance, k[2].target),
        (Some(90.0), Some(95.0), Some(5.0), None)
    );
    assert_eq!(
        k[2].norm_description,
        "90 - 95% · red below 85% or above 100%"
    );
    // The one that cannot be read is a warning naming the KPI, in both languages.
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    let w = &imported.warnings[0];
    assert_eq!(
        (w.kind, w.path.as_str()),
        (ProblemKind::NormNotRead, "kpis[1]")
    );
    assert!(
        w.en.contains("“Installed on time”") && w.en.contains("norm description"),
        "{}",
        w.en
    );
    assert!(
        w.nl.contains("“Installed on time”") && w.nl.contains("normomschrijving"),
        "{}",
        w.nl
    );
    // Exported again it is a version-2 file with numbers, and opens the same.
    let text = export_json(&imported.model);
    let again: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(again["version"], json!(CURRENT_VERSION));
    assert_eq!(again["model"]["kpis"][0]["target"], json!(9.0));
    assert!(again["model"]["kpis"][0].get("amber").is_none());
    let reopened = import_json(&text).unwrap();
    assert!(reopened.warnings.is_empty());
    assert_eq!(reopened.model, imported.model);
}

#[test]
fn version_1_norm_that_is_no_text_is_judged_by_the_version_2_reader() {
    let mut v = v1_norms();
    v["model"]["kpis"][0]["target"] = json!(9);
    v["model"]["kpis"][1]["target"] = json!(["x"]);
    let errs = errors(&v);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].path, "kpis[1].target");
    let mut v = v1_norms();
    v["model"]["kpis"][0]["target"] = json!(9);
    let k = open(&v).unwrap().model.kpis[0].clone();
    assert_eq!(
        (k.target, k.red),
        (Some(9.0), None),
        "a number stays a number"
    );
}

#[test]
fn version_2_numbers_must_be_numbers() {
    let mut v = valid();
    v["model"]["kpis"][0]["tolerance"] = json!("2");
    one_error(
        &v,
        ProblemKind::WrongType,
        "kpis[0].tolerance",
        "kpis[0].tolerance must be a number (without quotes)",
    );
}

#[test]
fn size_limit() {
    let mut v = valid();
    v["model"]["padding"] = json!(" ".repeat(MAX_FILE_BYTES));
    let e = open(&v).unwrap_err();
    assert_eq!(e.errors[0].kind, ProblemKind::TooLarge);
    assert_eq!(
        e.errors[0].en,
        "This file is too large (5.0 MB). KPI Structure opens files up to 5 MB."
    );
    // Just under the limit still opens.
    let mut v = valid();
    let base = v.to_string().len();
    v["model"]["padding"] = json!(" ".repeat(MAX_FILE_BYTES - base - 20));
    assert!(open(&v).is_ok());
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            "{{\"type\":\"kpi-structure\",\"version\":1,\"model\":{{\"x\":{}{}}}}}",
            "[".repeat(40),
            "]".repeat(40)
        ),
    ] {
        let e = import_json(&text).unwrap_err();
        assert_eq!(e.errors[0].kind, ProblemKind::TooDeep, "{e}");
    }
    // Brackets inside strings are text.
    let mut v = valid();
    v["model"]["description"] = json!("[".repeat(10_000));
    assert!(open(&v).is_ok());
}

#[test]
fn hostile_strings_stay_plain_text() {
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"quoted\" and \\backslash\\",
        "=HYPERLINK(\"http://evil\")",
        "line\nbreak\r\ttab",
        "nul\u{0}char",
        "\u{202e}right-to-left override",
        "emoji ☕🚀 and ë ü ß",
        "{{ template }} ${injection} %s",
    ];
    let mut model = Model {
        id: "m1".into(),
        ..Model::default()
    };
    for (i, s) in hostile.iter().enumerate() {
        let id = Id::new(format!("g{i}"));
        model.goals.insert(
            id.clone(),
            kpi_structure::model::Goal {
                id,
                name: s.to_string(),
                description: s.repeat(3),
                extra: Default::default(),
            },
        );
    }
    model.name = hostile.join(" ");
    let text = export_json(&model);
    assert_eq!(import_json(&text).unwrap().model, model);
    let _ = file_name(&model);
}

#[test]
fn very_long_names_are_reported() {
    let mut v = valid();
    v["model"]["goals"][0]["name"] = json!("x".repeat(10_001));
    v["model"]["goals"][0]["description"] = json!("x".repeat(10_001));
    one_error(
        &v,
        ProblemKind::TooLong,
        "goals[0].name",
        "goals[0].name is too long (more than 10000 characters)",
    );
    // Multi-byte characters count as one.
    let mut v = valid();
    v["model"]["goals"][0]["name"] = json!("ë".repeat(10_000));
    assert!(open(&v).is_ok());
}

#[test]
fn example_in_format_doc_opens() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).unwrap();
    let start = doc.find("## Example").unwrap();
    let body = &doc[start..];
    let json = &body[body.find("```json\n").unwrap() + 8..];
    let json = &json[..json.find("```").unwrap()];
    let imported = import_json(json).unwrap();
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.model.kpis.len(), 3);
}
