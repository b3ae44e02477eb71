//! A change that waits for the edit engine ([`Step`]) and its journal form: a short JSON
//! array, written and read by hand. (A serde derive for every edit and element costs ~6 KB
//! brotli in the first load to write and ~60 KB in the engine's part to read; this costs a
//! fraction of that.) The steps the interface makes are all written; the few it never makes
//! before the engine has arrived (a closed meeting's record, a cascade's restore, moves by
//! index, re-attaching) are not: [`Step::encode`] says `None`, and the page asks before it
//! goes, as it did before there was a journal.
//!
//! | step | form |
//! |---|---|
//! | an edit (`coalesce` 0 or 1) | `["c", 1, EDIT]` |
//! | undo, redo, end of coalescing | `["u"]`, `["r"]`, `["b"]` |
//! | an Add button's element | `["a", "goal", id, name]`, `["a", "link", id, name, TARGET]` |
//! | TARGET | `["model"]`, `["goal", id]`, `["link", chain, link]`, ... |
//! | EDIT | `["SetKpi", id, "target", 95]`, `["Batch", [EDIT, ...]]`, ... (the edit's name, then its fields in order) |
//! | a meeting (`MeetingAt`) | a chain's: its id (`"c1"`, as before there were other levels); `["department", id]`, `["mt"]` |

use serde_json::Value;

use super::change::Change;
use crate::model::add::AddPlan;
use crate::model::meeting::{Action, ActionField, MeetingAt};
use crate::model::{
    Agreement, ChainField, Choice, Department, DepartmentField, Edit, GoalField, Id, KpiField,
    LinkField, ModelField, Period, Target,
};

/// One piece of work for the edit engine, as it is journaled while it waits for it.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Change(Change),
    /// An Add button's element, planned from the model as it is when the step runs.
    Add(AddPlan),
    /// The field being typed in lost focus: the next keystroke starts a new undo step.
    EndCoalescing,
}

/// Writes one JSON array, item by item.
struct Out(String);

impl Out {
    fn new(tag: &str) -> Out {
        Out(String::from("[")).text(tag)
    }
    fn item(mut self, json: &str) -> Out {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push_str(json);
        self
    }
    fn text(self, s: &str) -> Out {
        self.item(&serde_json::to_string(s).unwrap_or_default())
    }
    fn id(self, id: &Id) -> Out {
        self.text(id.as_str())
    }
    fn number(self, n: Option<f64>) -> Out {
        let text = n.and_then(|n| serde_json::to_string(&n).ok());
        self.item(text.as_deref().unwrap_or("null"))
    }
    fn index(self, i: Option<usize>) -> Out {
        self.item(&i.map_or_else(|| "null".into(), |i| i.to_string()))
    }
    fn flag(self, b: bool) -> Out {
        self.item(if b { "true" } else { "false" })
    }
    /// A meeting: a chain's as its id (the form journals had before there were other
    /// levels), a department's as `["department", id]`, the MT's as `["mt"]`.
    fn meeting(self, at: &MeetingAt) -> Out {
        match at {
            MeetingAt::Chain(c) => self.id(c),
            MeetingAt::Department(d) => self.item(&Out::new("department").id(d).done()),
            MeetingAt::Mt => self.item(&Out::new("mt").done()),
        }
    }
    fn done(mut self) -> String {
        self.0.push(']');
        self.0
    }
}

fn target(t: &Target) -> String {
    match t {
        Target::Model => Out::new("model"),
        Target::Goal(id) => Out::new("goal").id(id),
        Target::Department(id) => Out::new("department").id(id),
        Target::Chain(id) => Out::new("chain").id(id),
        Target::Link { chain, link } => Out::new("link").id(chain).id(link),
        Target::Handover { chain, link } => Out::new("handover").id(chain).id(link),
        Target::Kpi(id) => Out::new("kpi").id(id),
    }
    .done()
}

/// An edit as a JSON array; `None` for the edits the interface never makes before the engine
/// is there.
fn edit(e: &Edit) -> Option<String> {
    let out = match e {
        Edit::SetModel { field } => {
            let (ModelField::Name(s)
            | ModelField::Organisation(s)
            | ModelField::Description(s)
            | ModelField::ManagementTeam(s)) = field;
            Out::new("SetModel").text(field.name()).text(s)
        }
        Edit::SetGoal { id, field } => {
            let (GoalField::Name(s) | GoalField::Description(s)) = field;
            Out::new("SetGoal").id(id).text(field.name()).text(s)
        }
        Edit::SetDepartment { id, field } => {
            let (DepartmentField::Name(s) | DepartmentField::Description(s)) = field;
            Out::new("SetDepartment").id(id).text(field.name()).text(s)
        }
        Edit::SetChain { id, field } => {
            let (ChainField::Name(s)
            | ChainField::Description(s)
            | ChainField::Customer(s)
            | ChainField::Trigger(s)
            | ChainField::Outcome(s)
            | ChainField::Owner(s)
            | ChainField::CustomerValue(s)
            | ChainField::InternalValue(s)) = field;
            Out::new("SetChain").id(id).text(field.name()).text(s)
        }
        Edit::SetLink { chain, link, field } => {
            let o = Out::new("SetLink").id(chain).id(link).text(field.name());
            match field {
                LinkField::Name(s)
                | LinkField::Description(s)
                | LinkField::Owner(s)
                | LinkField::Handover(s) => o.text(s),
                LinkField::Department(Some(d)) => o.id(d),
                LinkField::Department(None) => o.item("null"),
                LinkField::External(b) | LinkField::TouchesCustomer(b) => o.flag(*b),
                LinkField::Agreements(list) => {
                    let items = list
                        .iter()
                        .map(|a| Out(String::from("[")).text(&a.text).text(&a.owner).done());
                    o.item(&format!("[{}]", items.collect::<Vec<_>>().join(",")))
                }
            }
        }
        Edit::SetKpi { id, field } => {
            let o = Out::new("SetKpi").id(id).text(field.name());
            match field {
                KpiField::Name(s)
                | KpiField::Definition(s)
                | KpiField::Formula(s)
                | KpiField::Unit(s)
                | KpiField::NormDescription(s)
                | KpiField::Owner(s)
                | KpiField::DataSource(s) => o.text(s),
                KpiField::Target(n)
                | KpiField::Red(n)
                | KpiField::Low(n)
                | KpiField::High(n)
                | KpiField::Tolerance(n) => o.number(*n),
                KpiField::Direction(d) => o.text(d.code()),
                KpiField::Frequency(f) => o.text(f.code()),
                KpiField::ValueType(v) => o.text(v.code()),
            }
        }
        Edit::SetValue { kpi, period, value } => Out::new("SetValue")
            .id(kpi)
            .text(&period.to_string())
            .number(*value),
        Edit::SetComment {
            kpi,
            period,
            comment,
        } => Out::new("SetComment")
            .id(kpi)
            .text(&period.to_string())
            .text(comment),
        Edit::MoveLink { chain, link, to } => {
            Out::new("MoveLink").id(chain).id(link).index(Some(*to))
        }
        Edit::ToggleDrive { id, target } => Out::new("ToggleDrive").id(id).id(target),
        Edit::SetMeetingNotes { at, notes } => Out::new("SetMeetingNotes").meeting(at).text(notes),
        Edit::SetAttendance { at, link, present } => Out::new("SetAttendance")
            .meeting(at)
            .id(link)
            .flag(*present),
        Edit::SetAction { at, id, field } => {
            let o = Out::new("SetAction").meeting(at).id(id).text(field.name());
            match field {
                ActionField::What(s) | ActionField::Owner(s) | ActionField::Due(s) => o.text(s),
                ActionField::Done(b) | ActionField::Escalated(b) => o.flag(*b),
            }
        }
        Edit::AddAction { at, action, index } => {
            let a = Out::new(action.id.as_str())
                .text(&action.what)
                .text(&action.owner)
                .text(&action.due)
                .flag(action.done);
            // Escalated only when set, so an action's form is what it was before.
            let a = if action.escalated { a.flag(true) } else { a };
            Out::new("AddAction")
                .meeting(at)
                .item(&a.done())
                .index(*index)
        }
        Edit::DeleteAction { at, id } => Out::new("DeleteAction").meeting(at).id(id),
        Edit::DeleteGoal { id } => Out::new("DeleteGoal").id(id),
        Edit::DeleteDepartment { id } => Out::new("DeleteDepartment").id(id),
        Edit::DeleteChain { id } => Out::new("DeleteChain").id(id),
        Edit::DeleteKpi { id } => Out::new("DeleteKpi").id(id),
        Edit::DeleteLink { chain, link } => Out::new("DeleteLink").id(chain).id(link),
        Edit::AddDepartment { department, index } => {
            let d = Out::new(department.id.as_str())
                .text(&department.name)
                .text(&department.description)
                .done();
            Out::new("AddDepartment").item(&d).index(*index)
        }
        Edit::Batch(edits) => {
            let inner: Option<Vec<String>> = edits.iter().map(edit).collect();
            Out::new("Batch").item(&format!("[{}]", inner?.join(",")))
        }
        _ => return None,
    };
    Some(out.done())
}

impl Step {
    /// The step as journal text; `None` if it is not journaled (see the module docs).
    pub fn encode(&self) -> Option<String> {
        let out = match self {
            Step::Change(Change::Edit { edit: e, coalesce }) => {
                Out::new("c").flag(*coalesce).item(&edit(e)?)
            }
            Step::Change(Change::Undo) => Out::new("u"),
            Step::Change(Change::Redo) => Out::new("r"),
            Step::EndCoalescing => Out::new("b"),
            Step::Add(plan) => {
                let (kind, id, name, near) = match plan {
                    AddPlan::Goal { id, name } => ("goal", id, name, None),
                    AddPlan::Department { id, name } => ("department", id, name, None),
                    AddPlan::Chain { id, name } => ("chain", id, name, None),
                    AddPlan::Link { id, name, near } => ("link", id, name, Some(near)),
                    AddPlan::Kpi { id, name, near } => ("kpi", id, name, Some(near)),
                };
                let o = Out::new("a").text(kind).id(id).text(name);
                match near {
                    Some(near) => o.item(&target(near)),
                    None => o,
                }
            }
        };
        Some(out.done())
    }

    /// Reads a step written by [`Step::encode`]; `None` if it does not read.
    pub fn decode(json: &str) -> Option<Step> {
        let value: Value = serde_json::from_str(json).ok()?;
        let a = value.as_array()?;
        let at = |i: usize| a.get(i);
        Some(match at(0)?.as_str()? {
            "c" => Step::Change(Change::Edit {
                coalesce: at(1)?.as_bool()?,
                edit: read_edit(at(2)?)?,
            }),
            "u" => Step::Change(Change::Undo),
            "r" => Step::Change(Change::Redo),
            "b" => Step::EndCoalescing,
            "a" => {
                let (id, name) = (id(at(2)?)?, text(at(3)?)?);
                match at(1)?.as_str()? {
                    "goal" => Step::Add(AddPlan::Goal { id, name }),
                    "department" => Step::Add(AddPlan::Department { id, name }),
                    "chain" => Step::Add(AddPlan::Chain { id, name }),
                    "link" => Step::Add(AddPlan::Link {
                        id,
                        name,
                        near: read_target(at(4)?)?,
                    }),
                    "kpi" => Step::Add(AddPlan::Kpi {
                        id,
                        name,
                        near: read_target(at(4)?)?,
                    }),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(String::from)
}

fn id(v: &Value) -> Option<Id> {
    v.as_str().map(Id::new)
}

fn index(v: &Value) -> Option<Option<usize>> {
    match v {
        Value::Null => Some(None),
        v => v.as_u64().map(|i| Some(i as usize)),
    }
}

fn number(v: &Value) -> Option<Option<f64>> {
    match v {
        Value::Null => Some(None),
        v => v.as_f64().map(Some),
    }
}

/// A meeting written by `Out::meeting`.
fn read_meeting(v: &Value) -> Option<MeetingAt> {
    if let Some(chain) = id(v) {
        return Some(MeetingAt::Chain(chain));
    }
    let a = v.as_array()?;
    Some(match a.first()?.as_str()? {
        "department" => MeetingAt::Department(id(a.get(1)?)?),
        "mt" => MeetingAt::Mt,
        _ => return None,
    })
}

fn read_target(v: &Value) -> Option<Target> {
    let a = v.as_array()?;
    let at = |i: usize| a.get(i).and_then(id);
    Some(match a.first()?.as_str()? {
        "model" => Target::Model,
        "goal" => Target::Goal(at(1)?),
        "department" => Target::Department(at(1)?),
        "chain" => Target::Chain(at(1)?),
        "link" => Target::Link {
            chain: at(1)?,
            link: at(2)?,
        },
        "kpi" => Target::Kpi(at(1)?),
        "handover" => Target::Handover {
            chain: at(1)?,
            link: at(2)?,
        },
        _ => return None,
    })
}

fn read_kpi_field(name: &str, v: &Value) -> Option<KpiField> {
    let s = || text(v);
    let n = || number(v);
    let code = || v.as_str();
    Some(match name {
        "name" => KpiField::Name(s()?),
        "definition" => KpiField::Definition(s()?),
        "formula" => KpiField::Formula(s()?),
        "unit" => KpiField::Unit(s()?),
        "norm_description" => KpiField::NormDescription(s()?),
        "owner" => KpiField::Owner(s()?),
        "data_source" => KpiField::DataSource(s()?),
        "target" => KpiField::Target(n()?),
        "red" => KpiField::Red(n()?),
        "low" => KpiField::Low(n()?),
        "high" => KpiField::High(n()?),
        "tolerance" => KpiField::Tolerance(n()?),
        "direction" => KpiField::Direction(Choice::from_code(code()?)),
        "frequency" => KpiField::Frequency(Choice::from_code(code()?)),
        "value_type" => KpiField::ValueType(Choice::from_code(code()?)),
        _ => return None,
    })
}

/// A link's agreements, written as `[[text, owner], ...]`.
fn agreements(v: &Value) -> Option<Vec<Agreement>> {
    v.as_array()?
        .iter()
        .map(|a| {
            Some(Agreement {
                text: text(a.get(0)?)?,
                owner: text(a.get(1)?)?,
            })
        })
        .collect()
}

fn read_edit(v: &Value) -> Option<Edit> {
    let a = v.as_array()?;
    let at = |i: usize| a.get(i);
    let id_at = |i: usize| at(i).and_then(id);
    let text_at = |i: usize| at(i).and_then(text);
    let period_at = |i: usize| at(i)?.as_str()?.parse::<Period>().ok();
    Some(match a.first()?.as_str()? {
        "SetModel" => Edit::SetModel {
            field: match at(1)?.as_str()? {
                "name" => ModelField::Name(text_at(2)?),
                "organisation" => ModelField::Organisation(text_at(2)?),
                "description" => ModelField::Description(text_at(2)?),
                "management_team" => ModelField::ManagementTeam(text_at(2)?),
                _ => return None,
            },
        },
        "SetGoal" => Edit::SetGoal {
            id: id_at(1)?,
            field: match at(2)?.as_str()? {
                "name" => GoalField::Name(text_at(3)?),
                "description" => GoalField::Description(text_at(3)?),
                _ => return None,
            },
        },
        "SetDepartment" => Edit::SetDepartment {
            id: id_at(1)?,
            field: match at(2)?.as_str()? {
                "name" => DepartmentField::Name(text_at(3)?),
                "description" => DepartmentField::Description(text_at(3)?),
                _ => return None,
            },
        },
        "SetChain" => Edit::SetChain {
            id: id_at(1)?,
            field: {
                let s = text_at(3)?;
                match at(2)?.as_str()? {
                    "name" => ChainField::Name(s),
                    "description" => ChainField::Description(s),
                    "customer" => ChainField::Customer(s),
                    "trigger" => ChainField::Trigger(s),
                    "outcome" => ChainField::Outcome(s),
                    "owner" => ChainField::Owner(s),
                    "customer_value" => ChainField::CustomerValue(s),
                    "internal_value" => ChainField::InternalValue(s),
                    _ => return None,
                }
            },
        },
        "SetLink" => Edit::SetLink {
            chain: id_at(1)?,
            link: id_at(2)?,
            field: match at(3)?.as_str()? {
                "name" => LinkField::Name(text_at(4)?),
                "description" => LinkField::Description(text_at(4)?),
                "owner" => LinkField::Owner(text_at(4)?),
                "department" => LinkField::Department(at(4)?.as_str().map(Id::new)),
                "external" => LinkField::External(at(4)?.as_bool()?),
                "touches_customer" => LinkField::TouchesCustomer(at(4)?.as_bool()?),
                "handover" => LinkField::Handover(text_at(4)?),
                "agreements" => LinkField::Agreements(agreements(at(4)?)?),
                _ => return None,
            },
        },
        "SetKpi" => Edit::SetKpi {
            id: id_at(1)?,
            field: read_kpi_field(at(2)?.as_str()?, at(3)?)?,
        },
        "SetValue" => Edit::SetValue {
            kpi: id_at(1)?,
            period: period_at(2)?,
            value: number(at(3)?)?,
        },
        "SetComment" => Edit::SetComment {
            kpi: id_at(1)?,
            period: period_at(2)?,
            comment: text_at(3)?,
        },
        "MoveLink" => Edit::MoveLink {
            chain: id_at(1)?,
            link: id_at(2)?,
            to: index(at(3)?)??,
        },
        "ToggleDrive" => Edit::ToggleDrive {
            id: id_at(1)?,
            target: id_at(2)?,
        },
        "SetMeetingNotes" => Edit::SetMeetingNotes {
            at: read_meeting(at(1)?)?,
            notes: text_at(2)?,
        },
        "SetAttendance" => Edit::SetAttendance {
            at: read_meeting(at(1)?)?,
            link: id_at(2)?,
            present: at(3)?.as_bool()?,
        },
        "SetAction" => Edit::SetAction {
            at: read_meeting(at(1)?)?,
            id: id_at(2)?,
            field: match at(3)?.as_str()? {
                "what" => ActionField::What(text_at(4)?),
                "owner" => ActionField::Owner(text_at(4)?),
                "due" => ActionField::Due(text_at(4)?),
                "done" => ActionField::Done(at(4)?.as_bool()?),
                "escalated" => ActionField::Escalated(at(4)?.as_bool()?),
                _ => return None,
            },
        },
        "AddAction" => {
            let f = at(2)?.as_array()?;
            let s = |i: usize| f.get(i).and_then(text);
            Edit::AddAction {
                at: read_meeting(at(1)?)?,
                action: Action {
                    id: Id::new(s(0)?),
                    what: s(1)?,
                    owner: s(2)?,
                    due: s(3)?,
                    done: f.get(4)?.as_bool()?,
                    escalated: match f.get(5) {
                        None => false,
                        Some(b) => b.as_bool()?,
                    },
                },
                index: index(at(3)?)?,
            }
        }
        "DeleteAction" => Edit::DeleteAction {
            at: read_meeting(at(1)?)?,
            id: id_at(2)?,
        },
        "DeleteGoal" => Edit::DeleteGoal { id: id_at(1)? },
        "DeleteDepartment" => Edit::DeleteDepartment { id: id_at(1)? },
        "DeleteChain" => Edit::DeleteChain { id: id_at(1)? },
        "DeleteKpi" => Edit::DeleteKpi { id: id_at(1)? },
        "DeleteLink" => Edit::DeleteLink {
            chain: id_at(1)?,
            link: id_at(2)?,
        },
        "AddDepartment" => {
            let f = at(1)?.as_array()?;
            let s = |i: usize| f.get(i).and_then(text);
            Edit::AddDepartment {
                department: Department {
                    id: Id::new(s(0)?),
                    name: s(1)?,
                    description: s(2)?,
                    meeting: Default::default(),
                    extra: Default::default(),
                },
                index: index(at(2)?)?,
            }
        }
        "Batch" => Edit::Batch(
            at(1)?
                .as_array()?
                .iter()
                .map(read_edit)
                .collect::<Option<Vec<Edit>>>()?,
        ),
        _ => return None,
    })
}
