//! Random edits for the property tests (`mod edits;`): generated against the current model so
//! that many are valid and some are not.

use indexmap::IndexMap;
use kpi_structure::model::meeting::MeetingAt;
use kpi_structure::model::*;
use proptest::prelude::*;

/// One generated edit: its kind and three numbers that pick ids and values, and whether it
/// coalesces.
pub type Op = (u8, u16, u16, u16, bool);

/// An existing key, or (one time in len + 1) an id that does not exist.
fn pick<T>(map: &IndexMap<Id, T>, n: u16) -> Id {
    let i = n as usize % (map.len() + 1);
    map.get_index(i)
        .map(|(k, _)| k.clone())
        .unwrap_or_else(|| Id::new("missing"))
}

fn pick_link(m: &Model, a: u16, b: u16) -> (Id, Id) {
    let chain = pick(&m.chains, a);
    let link = match m.chains.get(&chain) {
        Some(c) => {
            let i = b as usize % (c.links.len() + 1);
            c.links
                .get(i)
                .map(|l| l.id.clone())
                .unwrap_or_else(|| Id::new("missing"))
        }
        None => Id::new("l0"),
    };
    (chain, link)
}

/// A meeting: mostly a chain's, else a department's or the MT's (the chain or department
/// may not exist).
fn meeting_at(m: &Model, n: u16) -> MeetingAt {
    match n % 4 {
        0 => MeetingAt::Mt,
        1 => MeetingAt::Department(pick(&m.departments, n / 4)),
        _ => MeetingAt::Chain(pick(&m.chains, n / 4)),
    }
}

fn maybe_department(m: &Model, n: u16) -> Option<Id> {
    if n.is_multiple_of(3) {
        None
    } else {
        Some(pick(&m.departments, n))
    }
}

fn attach(m: &Model, a: u16, b: u16) -> Attach {
    match b % 3 {
        0 => Attach::Result {
            goal: pick(&m.goals, a),
        },
        1 => Attach::Chain {
            chain: pick(&m.chains, a),
        },
        _ => {
            let (chain, link) = pick_link(m, a, b / 3);
            Attach::Link { chain, link }
        }
    }
}

fn drives(m: &Model, a: u16, b: u16) -> Vec<Id> {
    (0..(b % 4))
        .map(|i| pick(&m.kpis, a.wrapping_add(i * 7919)))
        .collect()
}

/// A norm number, or none.
fn number(n: u16) -> Option<f64> {
    [None, Some(0.0), Some(92.5), Some(-3.0)][n as usize % 4]
}

fn text(n: u16) -> String {
    ["", "Sales", "sales ", "Service", "x"][n as usize % 5].to_string()
}

/// Turns an op into an edit against the current model. `fresh` is a new id suffix.
pub fn edit_for(m: &Model, (kind, a, b, c, _): Op, fresh: usize) -> Edit {
    let new_id = |p: &str| {
        if c.is_multiple_of(11) {
            Id::new("") // refused: empty id
        } else {
            Id::new(format!("{p}{fresh}"))
        }
    };
    let index = |len: usize| (!b.is_multiple_of(4)).then_some(b as usize % (len + 2));
    match kind {
        0 => {
            let id = if c.is_multiple_of(7) {
                pick(&m.goals, a)
            } else {
                new_id("g")
            };
            Edit::AddGoal {
                goal: Goal {
                    id,
                    name: text(a),
                    description: String::new(),
                    extra: Default::default(),
                },
                index: index(m.goals.len()),
            }
        }
        1 => Edit::DeleteGoal {
            id: pick(&m.goals, a),
        },
        2 => Edit::SetGoal {
            id: pick(&m.goals, a),
            field: if b.is_multiple_of(2) {
                GoalField::Name(text(c))
            } else {
                GoalField::Description(text(c))
            },
        },
        3 => Edit::AddDepartment {
            department: Department {
                id: new_id("d"),
                name: text(a),
                description: String::new(),
                meeting: Default::default(),
                extra: Default::default(),
            },
            index: index(m.departments.len()),
        },
        4 => Edit::DeleteDepartment {
            id: pick(&m.departments, a),
        },
        5 => Edit::SetDepartment {
            id: pick(&m.departments, a),
            field: DepartmentField::Name(text(c)),
        },
        6 => {
            let links = (0..(c % 3))
                .map(|i| Link {
                    id: Id::new(format!(
                        "l{fresh}-{}",
                        i % 2 + u16::from(!c.is_multiple_of(5))
                    )),
                    name: text(a.wrapping_add(i)),
                    department: maybe_department(m, a.wrapping_add(i)),
                    ..Link::default()
                })
                .collect();
            Edit::AddChain {
                chain: Chain {
                    id: new_id("c"),
                    name: text(a),
                    links,
                    ..Chain::default()
                },
                index: index(m.chains.len()),
            }
        }
        7 => Edit::DeleteChain {
            id: pick(&m.chains, a),
        },
        8 => Edit::SetChain {
            id: pick(&m.chains, a),
            field: match b % 6 {
                0 => ChainField::Name(text(c)),
                1 => ChainField::Description(text(c)),
                2 => ChainField::Customer(text(c)),
                3 => ChainField::Trigger(text(c)),
                4 => ChainField::Outcome(text(c)),
                _ => ChainField::Owner(text(c)),
            },
        },
        9 => {
            let chain = pick(&m.chains, a);
            let len = m.chains.get(&chain).map_or(0, |c| c.links.len());
            let id = if c.is_multiple_of(7) {
                pick_link(m, a, b).1
            } else {
                new_id("l")
            };
            Edit::AddLink {
                chain,
                link: Link {
                    id,
                    name: text(b),
                    department: maybe_department(m, c),
                    ..Link::default()
                },
                index: index(len),
            }
        }
        10 => {
            let (chain, link) = pick_link(m, a, b);
            Edit::DeleteLink { chain, link }
        }
        11 => {
            let (chain, link) = pick_link(m, a, b);
            let field = match c % 5 {
                0 => LinkField::Name(text(c / 5)),
                1 => LinkField::Description(text(c / 5)),
                2 => LinkField::Department(maybe_department(m, c / 5)),
                3 => LinkField::External(c.is_multiple_of(2)),
                _ => LinkField::Owner(text(c / 5)),
            };
            Edit::SetLink { chain, link, field }
        }
        12 => {
            let (chain, link) = pick_link(m, a, b);
            Edit::MoveLink {
                chain,
                link,
                to: c as usize % 6,
            }
        }
        13 => {
            let id = if c.is_multiple_of(7) {
                pick(&m.kpis, a)
            } else {
                new_id("k")
            };
            let mut kpi = Kpi::new(id, text(c), attach(m, a, b));
            kpi.drives = drives(m, c, a);
            Edit::AddKpi {
                kpi: Box::new(kpi),
                index: index(m.kpis.len()),
            }
        }
        14 => Edit::DeleteKpi {
            id: pick(&m.kpis, a),
        },
        15 => Edit::SetKpi {
            id: pick(&m.kpis, a),
            field: match b % 16 {
                0 => KpiField::Name(text(c)),
                1 => KpiField::Definition(text(c)),
                2 => KpiField::Formula(text(c)),
                3 => KpiField::Unit(text(c)),
                4 => KpiField::Direction(Direction::Higher),
                5 => KpiField::Target(number(c)),
                6 => KpiField::NormDescription(text(c)),
                7 => KpiField::Red(number(c)),
                12 => KpiField::Low(number(c)),
                13 => KpiField::High(number(c)),
                14 => KpiField::Tolerance(number(c)),
                15 => KpiField::Direction(Direction::Band),
                8 => KpiField::Frequency(Frequency::Quarterly),
                9 => KpiField::Owner(text(c)),
                10 => KpiField::DataSource(text(c)),
                _ => KpiField::ValueType(ValueType::Internal),
            },
        },
        16 => Edit::SetDrives {
            id: pick(&m.kpis, a),
            drives: drives(m, b, c),
        },
        17 => Edit::ToggleDrive {
            id: pick(&m.kpis, a),
            target: pick(&m.kpis, b),
        },
        18 => Edit::AttachKpi {
            id: pick(&m.kpis, a),
            at: attach(m, b, c),
        },
        19 => {
            let (kind, id, len) = match b % 5 {
                0 => (ElementKind::Goal, pick(&m.goals, a), m.goals.len()),
                1 => (
                    ElementKind::Department,
                    pick(&m.departments, a),
                    m.departments.len(),
                ),
                2 => (ElementKind::Chain, pick(&m.chains, a), m.chains.len()),
                3 => (ElementKind::Kpi, pick(&m.kpis, a), m.kpis.len()),
                _ => (ElementKind::Link, Id::new("l0"), 1),
            };
            Edit::Reorder {
                kind,
                id,
                to: c as usize % (len + 1),
            }
        }
        21 => Edit::SetValue {
            kpi: pick(&m.kpis, a),
            period: Period::Month {
                y: 2026,
                m: u32::from(b % 12) + 1,
            },
            value: number(c),
        },
        22 => Edit::SetComment {
            kpi: pick(&m.kpis, a),
            period: Period::Quarter {
                y: 2026,
                q: u32::from(b % 4) + 1,
            },
            comment: if c.is_multiple_of(3) {
                String::new()
            } else {
                text(c)
            },
        },
        23 => Edit::AddAction {
            at: meeting_at(m, a),
            action: kpi_structure::model::meeting::Action {
                id: Id::new(format!("a{}", c % 4)),
                what: text(b),
                escalated: c.is_multiple_of(3),
                ..Default::default()
            },
            index: None,
        },
        24 => Edit::SetAction {
            at: meeting_at(m, a),
            id: Id::new(format!("a{}", c % 4)),
            field: match b % 4 {
                0 => kpi_structure::model::meeting::ActionField::Done(true),
                1 => kpi_structure::model::meeting::ActionField::Owner(text(c)),
                2 => kpi_structure::model::meeting::ActionField::Escalated(c.is_multiple_of(2)),
                _ => kpi_structure::model::meeting::ActionField::Due(text(c)),
            },
        },
        25 => {
            let (chain, link) = pick_link(m, a, b);
            // Now and then a meeting without attendees: refused.
            let at = if c.is_multiple_of(5) {
                meeting_at(m, b)
            } else {
                MeetingAt::Chain(chain)
            };
            Edit::SetAttendance {
                at,
                link,
                present: c.is_multiple_of(2),
            }
        }
        26 => Edit::SetMeetingNotes {
            at: meeting_at(m, a),
            notes: text(c),
        },
        27 => {
            let at = meeting_at(m, a);
            match kpi_structure::model::agenda::record(m, &at, (2026, 3), "2026-03-31") {
                Some(meeting) if !b.is_multiple_of(3) => Edit::CloseMeeting {
                    at,
                    meeting: Box::new(meeting),
                },
                _ => Edit::DeleteAction {
                    at,
                    id: Id::new(format!("a{}", c % 4)),
                },
            }
        }
        _ => Edit::SetModel {
            field: match b % 3 {
                0 => ModelField::Name(text(c)),
                1 => ModelField::Organisation(text(c)),
                _ => ModelField::Description(text(c)),
            },
        },
    }
}

/// A starting model: empty, or a generated one of two sizes.
pub fn start(which: u8) -> Model {
    match which {
        0 => Model::default(),
        1 => large_model(3, 30),
        _ => large_model(6, 12),
    }
}

/// The strategy of one [`Op`].
pub fn op() -> impl Strategy<Value = Op> {
    (
        0u8..29,
        any::<u16>(),
        any::<u16>(),
        any::<u16>(),
        any::<bool>(),
    )
}
