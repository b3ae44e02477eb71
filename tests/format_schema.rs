//! The committed JSON Schema matches the types, and the committed export of a fully filled
//! model is what the writer writes today (`tests/e2e/schema.test.mjs` validates it and every
//! template against the schema with ajv).
//! Regenerate both with: `UPDATE_SCHEMA=1 cargo test --test format_schema`

use std::path::{Path, PathBuf};

use kpi_structure::format::{
    export_json, export_json_with, import_json, schema_json, Source, APP_NAME, CURRENT_VERSION,
    SCHEMA_PATH,
};
use kpi_structure::model::meeting::{Action, Attendee, ChainMeeting, KpiState, Meeting};
use kpi_structure::model::{
    Agreement, Attach, Chain, Comments, Department, Direction, Frequency, Goal, Id, Kpi, Link,
    Model, Period, Series, Status, ValueType,
};

/// The export of [`full_model`], relative to the crate root.
const FULL_EXPORT_PATH: &str = "tests/fixtures/full.kpi.json";

const REGENERATE: &str = "UPDATE_SCHEMA=1 cargo test --test format_schema";

fn at_root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `fresh` is what `path` holds, or (with `UPDATE_SCHEMA` set) becomes what it holds.
fn committed_matches(path: &str, fresh: &str) {
    let path_buf = at_root(path);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path_buf, fresh).expect("write");
        return;
    }
    let committed = std::fs::read_to_string(&path_buf).unwrap_or_default();
    assert!(
        committed == fresh,
        "{path} is out of date. Regenerate it with:\n    {REGENERATE}\nand commit the result."
    );
}

#[test]
fn committed_schema_is_up_to_date() {
    committed_matches(SCHEMA_PATH, &schema_json());
}

#[test]
fn committed_full_export_is_up_to_date() {
    committed_matches(FULL_EXPORT_PATH, &full_export());
}

#[test]
fn schema_describes_the_envelope() {
    let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
    let props = &schema["properties"];
    for key in ["type", "version", "source", "lineage", "model"] {
        assert!(props.get(key).is_some(), "schema lacks {key}");
    }
    assert_eq!(props["version"]["const"], CURRENT_VERSION);
    // The schema itself is JSON, not a KPI Structure file.
    assert!(import_json(&schema_json()).is_err());
    assert!(import_json(&export_json(&Model::default())).is_ok());
}

#[test]
fn the_full_export_is_a_file_that_opens_as_the_same_model() {
    let text = full_export();
    let imported = import_json(&text).expect("the full export opens");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let model = full_model();
    assert_eq!(imported.lineage.map(|l| l.from), Some(model.origin.clone()));
    assert!(
        imported.model == model,
        "the full model does not survive export and import"
    );
}

/// The file the app writes for [`full_model`], with every `source` field set.
fn full_export() -> String {
    let source = Source {
        app: APP_NAME.to_string(),
        app_version: Some("0.1.0".to_string()),
        url: Some("https://example.org/kpi-structure/".to_string()),
    };
    export_json_with(&full_model(), &source)
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn month(y: i32, m: u32) -> Period {
    Period::Month { y, m }
}

/// A model in which every field of every element kind is set (and each choice of every
/// enumeration is used somewhere): the structure, values of every period kind with gaps,
/// comments, a chain meeting with actions, notes, absence and a meeting held (a department's
/// and the MT's too), and an origin
/// (so the file's lineage has `from`). Struct literals without `..`: a new field does not
/// compile until it is filled in here. `tests/e2e/schema.test.mjs` checks that the export
/// uses every property and every choice the schema has.
fn full_model() -> Model {
    let mut m = Model {
        extra: Default::default(),
        id: id("m1"),
        name: "Coffee machines".into(),
        organisation: "Example Coffee Systems".into(),
        description: "Installs and services coffee machines.".into(),
        goals: Default::default(),
        kpis: Default::default(),
        chains: Default::default(),
        departments: Default::default(),
        created: 1_767_225_600_000.0,
        modified: 1_769_904_000_000.0,
        origin: "0123456789abcdef".into(),
        management_team: "Commercial director\nOperations director".into(),
        // The MT meeting: an escalation-free meeting of its own.
        mt_meeting: ChainMeeting {
            absent: Vec::new(),
            notes: "The MT's own notes.".into(),
            ..full_meeting()
        },
    };
    for (i, name) in ["Satisfied customers", "Healthy finances"]
        .iter()
        .enumerate()
    {
        let g = Goal {
            extra: Default::default(),
            id: id(&format!("g{}", i + 1)),
            name: name.to_string(),
            description: format!("{name}, as the board words it."),
        };
        m.goals.insert(g.id.clone(), g);
    }
    for (i, name) in ["Sales", "Service"].iter().enumerate() {
        let d = Department {
            // The Service department's meeting (attendance is a chain meeting's only).
            meeting: if i == 1 {
                ChainMeeting {
                    absent: Vec::new(),
                    ..full_meeting()
                }
            } else {
                ChainMeeting::default()
            },
            extra: Default::default(),
            id: id(&format!("d{}", i + 1)),
            name: name.to_string(),
            description: format!("The {name} department."),
        };
        m.departments.insert(d.id.clone(), d);
    }
    let link = |n: &str, name: &str, department: Option<&str>| Link {
        extra: Default::default(),
        id: id(n),
        name: name.into(),
        description: format!("{name}: its part of the chain."),
        department: department.map(id),
        external: department.is_none(),
        owner: format!("Head of {name}"),
        touches_customer: n == "l1",
        handover: format!("What {name} hands over"),
        agreements: vec![Agreement {
            text: format!("{name} answers within a day"),
            owner: format!("Head of {name}"),
        }],
    };
    let c1 = Chain {
        extra: Default::default(),
        id: id("c1"),
        name: "New coffee machine".into(),
        description: "From the first call to a machine on contract.".into(),
        customer: "Business customer".into(),
        trigger: "Wants a coffee machine".into(),
        outcome: "Machine installed, on contract".into(),
        owner: "Commercial director".into(),
        customer_value: "A working machine on the agreed day".into(),
        internal_value: "Margin per installation".into(),
        links: vec![
            link("l1", "Sales", Some("d1")),
            link("l2", "Service", Some("d2")),
            link("l3", "Carrier", None),
        ],
        meeting: full_meeting(),
    };
    m.chains.insert(c1.id.clone(), c1);
    let kpis = [
        full_kpi("k1", Attach::Result { goal: id("g1") }, Frequency::Monthly),
        full_kpi("k2", Attach::Chain { chain: id("c1") }, Frequency::Weekly),
        full_kpi(
            "k3",
            Attach::Link {
                chain: id("c1"),
                link: id("l1"),
            },
            Frequency::Daily,
        ),
        full_kpi(
            "k4",
            Attach::Result { goal: id("g2") },
            Frequency::Quarterly,
        ),
        full_kpi("k5", Attach::Result { goal: id("g2") }, Frequency::Yearly),
        full_kpi(
            "k6",
            Attach::Link {
                chain: id("c1"),
                link: id("l3"),
            },
            Frequency::Unset,
        ),
        full_kpi(
            "k7",
            Attach::Handover {
                chain: id("c1"),
                link: id("l1"),
            },
            Frequency::Monthly,
        ),
    ];
    for k in kpis {
        m.kpis.insert(k.id.clone(), k);
    }
    m
}

/// A KPI with every field set; its norm, values and comments follow from its number and
/// frequency (k1 higher, k2 lower, k3 within a band, the others without a direction).
fn full_kpi(n: &str, at: Attach, frequency: Frequency) -> Kpi {
    let number: u32 = n[1..].parse().unwrap_or(0);
    let direction = match number {
        1 => Direction::Higher,
        2 => Direction::Lower,
        3 => Direction::Band,
        _ => Direction::Unset,
    };
    let band = direction == Direction::Band;
    let (target, red, norm) = match direction {
        Direction::Lower => (3.0, 5.25, "at most 3% · red above 5.25%"),
        Direction::Band => (0.0, 0.0, "2 - 4.5% ± 0.5"),
        _ => (95.0, 90.5, "95% · amber 90.5 - 95% · red below 90.5%"),
    };
    let (first, drives) = match frequency {
        Frequency::Daily => (
            Period::Day {
                y: 2026,
                m: 3,
                d: 5,
            },
            vec![id("k2")],
        ),
        Frequency::Weekly => (Period::Week { y: 2026, w: 9 }, vec![id("k1")]),
        Frequency::Monthly => (month(2025, 12), Vec::new()),
        Frequency::Quarterly => (Period::Quarter { y: 2026, q: 1 }, Vec::new()),
        Frequency::Yearly | Frequency::Unset => (Period::Year { y: 2025 }, vec![id("k4")]),
    };
    // Two values, a gap of one period (written null), a value, then a run far away.
    let mut values = Series::default();
    values.extend_run(first, [Some(91.5), Some(93.0), None, Some(-0.25)]);
    let mut far = first;
    for _ in 0..10 {
        far = far.next();
    }
    values.extend_run(far, [Some(1e6)]);
    let mut comments = Comments::new();
    comments.insert(first, format!("{n}: why it moved"));
    Kpi {
        extra: Default::default(),
        id: id(n),
        name: format!("KPI {n}"),
        at,
        definition: format!("What does {n} tell us?"),
        formula: "done / all × 100".into(),
        unit: "%".into(),
        direction,
        target: (!band).then_some(target),
        red: (!band).then_some(red),
        low: band.then_some(2.0),
        high: band.then_some(4.5),
        tolerance: band.then_some(0.5),
        norm_description: norm.into(),
        frequency,
        owner: "Service manager".into(),
        data_source: "ERP, monthly report".into(),
        value_type: match number % 3 {
            0 => ValueType::Unset,
            1 => ValueType::Customer,
            _ => ValueType::Internal,
        },
        drives,
        values,
        comments,
    }
}

/// A chain meeting with an open (escalated) and a done action, notes, an absent link and a
/// meeting held that saw every status.
fn full_meeting() -> ChainMeeting {
    let action = |n: &str, done: bool| Action {
        id: id(n),
        what: format!("Action {n}"),
        owner: "Service".into(),
        due: "2026-03".into(),
        done,
        // The open one is escalated to the MT.
        escalated: !done,
    };
    let state = |kpi: &str, period: Option<Period>, value: Option<f64>, status: Status| KpiState {
        kpi: id(kpi),
        name: format!("KPI {kpi}"),
        period,
        value,
        status,
        // The one on target had a comment then.
        comment: (status == Status::OnTarget).then(|| "Two fitters back".to_string()),
    };
    let feb = Some(month(2026, 2));
    ChainMeeting {
        actions: vec![action("a1", false), action("a2", true)],
        notes: "Ask the carrier about March.".into(),
        absent: vec![id("l3")],
        held: vec![Meeting {
            date: "2026-02-10".into(),
            as_of: "2026-01".into(),
            attendees: vec![
                Attendee {
                    link: id("l1"),
                    name: "Sales".into(),
                },
                Attendee {
                    link: id("l2"),
                    name: "Service".into(),
                },
            ],
            notes: "Installations late in January.".into(),
            kpis: vec![
                state("k1", feb, Some(96.0), Status::OnTarget),
                state("k2", feb, Some(92.5), Status::AtRisk),
                state("k3", feb, Some(7.0), Status::OffTarget),
                state("k4", feb, None, Status::NoValue),
                state("k6", None, None, Status::NoNorm),
            ],
            actions: vec![id("a1"), id("a2")],
            open: vec![id("a1")],
            comments: true,
        }],
    }
}
