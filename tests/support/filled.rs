//! A model with every field of every kind filled, for the round-trip tests. Built with struct
//! literals without `..Default::default()`: a field added to a type does not compile here
//! until it is filled (`tests/format_roundtrip.rs` then checks it holds no default and
//! survives export, import and storage). Include it with
//! `#[path = "support/filled.rs"] mod filled;`.

use kpi_structure::model::meeting::{Action, Attendee, ChainMeeting, KpiState, Meeting};
use kpi_structure::model::{
    Agreement, Attach, Chain, Department, Direction, Extra, Frequency, Goal, Id, Kpi, Link, Model,
    Period, Series, Status, ValueType,
};
use serde_json::json;

/// Properties a newer version of the format might add (one with a `/` in its key, one nested),
/// named after the element they are in.
pub fn newer(element: &str) -> Extra {
    let mut extra = Extra::new();
    extra.insert(
        format!("{element}_since_v2_1"),
        json!(format!("{element} extra")),
    );
    extra.insert(
        "x/nested".to_string(),
        json!({ "list": [1, "two", null, { "three": true }], "n": 2.5 }),
    );
    extra
}

pub fn p(text: &str) -> Period {
    Period::parse(text).unwrap()
}

fn filled_kpi(id: &str, name: &str, at: Attach, drives: &[&str]) -> Kpi {
    Kpi {
        id: id.into(),
        name: name.into(),
        at,
        definition: format!("{name}: the question it answers"),
        formula: "installed on time / installed".into(),
        unit: "%".into(),
        direction: Direction::Band,
        target: Some(95.5),
        red: Some(90.25),
        low: Some(92.0),
        high: Some(97.5),
        tolerance: Some(1.5),
        norm_description: "95% · red below 90%".into(),
        frequency: Frequency::Monthly,
        owner: "Service manager".into(),
        data_source: "ERP".into(),
        value_type: ValueType::Customer,
        drives: drives.iter().map(|d| Id::new(*d)).collect(),
        values: Series(
            [
                (p("2026-01"), 91.5),
                (p("2026-02"), -3.25),
                (p("2026-03"), 94.0),
                (p("2025-Q4"), 88.0),
                (p("2025-W09"), 12.0),
                (p("2026-03-05"), 7.0),
                (p("2024"), 70.0),
            ]
            .into_iter()
            .collect(),
        ),
        comments: [
            (p("2026-02"), "Two fitters off".to_string()),
            (p("2026-Q1"), "A quarter".to_string()),
        ]
        .into_iter()
        .collect(),
        // Beside the norm too: a newer version may describe the norm further.
        extra: {
            let mut extra = newer("kpi");
            extra.insert("norm_note".into(), json!({ "basis": "rolling 3 months" }));
            extra
        },
    }
}

fn filled_meeting() -> ChainMeeting {
    ChainMeeting {
        actions: vec![
            Action {
                id: "a1".into(),
                what: "Call the carrier".into(),
                owner: "Logistics".into(),
                due: "2026-04".into(),
                done: true,
                escalated: true,
            },
            Action {
                id: "a2".into(),
                what: "Plan a training".into(),
                owner: "Service".into(),
                due: "next meeting".into(),
                done: true,
                escalated: true,
            },
        ],
        notes: "Next time: the carrier's numbers".into(),
        absent: vec!["l2".into()],
        held: vec![Meeting {
            date: "2026-03-12".into(),
            as_of: "2026-02".into(),
            attendees: vec![Attendee {
                link: "l1".into(),
                name: "Sales".into(),
            }],
            notes: "Discussed the installations".into(),
            kpis: vec![KpiState {
                kpi: "k2".into(),
                name: "On time".into(),
                period: Some(p("2026-02")),
                value: Some(91.5),
                status: Status::AtRisk,
                comment: Some("Carrier late".into()),
            }],
            actions: vec!["a1".into(), "a2".into()],
            open: vec!["a2".into()],
            comments: true,
        }],
    }
}

/// A model with every field of every kind set to something other than its default.
pub fn filled() -> Model {
    let goal = Goal {
        id: "g1".into(),
        name: "Customer satisfaction".into(),
        description: "Customers rate us 9 or more".into(),
        extra: newer("goal"),
    };
    let department = Department {
        id: "d1".into(),
        name: "Sales".into(),
        description: "Sells machines".into(),
        meeting: ChainMeeting {
            absent: Vec::new(),
            notes: "Department: the installers' planning".into(),
            ..filled_meeting()
        },
        extra: newer("department"),
    };
    let links = vec![
        Link {
            id: "l1".into(),
            name: "Sales".into(),
            description: "Takes the order".into(),
            department: Some("d1".into()),
            external: true,
            owner: "Sales manager".into(),
            touches_customer: true,
            handover: "A complete order with the customer's wishes".into(),
            agreements: vec![
                Agreement {
                    text: "Orders reach Planning the same day".into(),
                    owner: "Sales manager".into(),
                },
                Agreement {
                    text: "No order without an installation date".into(),
                    owner: String::new(),
                },
            ],
            extra: newer("link"),
        },
        Link {
            id: "l2".into(),
            name: "Carrier".into(),
            description: "Delivers".into(),
            department: Some("d1".into()),
            external: true,
            owner: "Carrier's planner".into(),
            touches_customer: true,
            handover: "The machine, delivered".into(),
            agreements: vec![Agreement {
                text: "Call before delivery".into(),
                owner: "Planner".into(),
            }],
            extra: Extra::new(),
        },
    ];
    let chain = Chain {
        id: "c1".into(),
        name: "New coffee machine".into(),
        description: "From wish to machine".into(),
        customer: "Office manager".into(),
        trigger: "Wants a machine".into(),
        outcome: "Machine installed".into(),
        owner: "Commercial director".into(),
        customer_value: "Machine working on the agreed day".into(),
        internal_value: "Margin per installation".into(),
        links,
        meeting: filled_meeting(),
        extra: newer("chain"),
    };
    let kpis = [
        filled_kpi(
            "k1",
            "Satisfaction",
            Attach::Result { goal: "g1".into() },
            &[],
        ),
        filled_kpi(
            "k2",
            "On time",
            Attach::Chain { chain: "c1".into() },
            &["k1"],
        ),
        filled_kpi(
            "k3",
            "Carrier on time",
            Attach::Link {
                chain: "c1".into(),
                link: "l2".into(),
            },
            &["k2", "k1"],
        ),
        filled_kpi(
            "k4",
            "Complete orders handed over",
            Attach::Handover {
                chain: "c1".into(),
                link: "l1".into(),
            },
            &["k2"],
        ),
    ];
    Model {
        id: "m1".into(),
        name: "Coffee machines".into(),
        organisation: "Koffie B.V.".into(),
        description: "Installs coffee machines".into(),
        goals: [(goal.id.clone(), goal)].into_iter().collect(),
        kpis: kpis.into_iter().map(|k| (k.id.clone(), k)).collect(),
        chains: [(chain.id.clone(), chain)].into_iter().collect(),
        departments: [(department.id.clone(), department)].into_iter().collect(),
        created: 1_700_000_000_000.0,
        modified: 1_700_000_123_456.0,
        origin: "0123456789abcdef".into(),
        management_team: "Commercial director\nOperations director".into(),
        mt_meeting: ChainMeeting {
            absent: Vec::new(),
            notes: "MT: the escalations first".into(),
            ..filled_meeting()
        },
        extra: newer("model"),
    }
}
