//! The differences between two copies of a model in words a consultant reads ("Link
//! “Planning” moved from 3rd to 2nd", "Target of “Machines installed on time”: 95 → 97"),
//! grouped by chain, in English and Dutch.

use serde_json::Value;

use crate::model::compare::{difference_of, Difference, Subject};
use crate::model::fields::{self, Field};
use crate::model::handover::between;
use crate::model::meeting::MeetingAt;
use crate::model::merge::Conflict;
use crate::model::{format_number, Attach, Id, Lang, Model};

/// The differences of one group: a chain (`Some`) or the model, its goals and departments.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The chain's id, `None` for the rest.
    pub chain: Option<Id>,
    /// The heading: the chain's name, or "Model, goals and departments".
    pub title: String,
    /// One sentence per difference.
    pub lines: Vec<String>,
}

fn name_of(a: &Model, b: &Model, s: &Subject) -> String {
    let pick = |m: &Model| -> Option<String> {
        Some(match s {
            Subject::Model => m.name.clone(),
            Subject::Goal(g) => m.goals.get(g)?.name.clone(),
            Subject::Department(d) => m.departments.get(d)?.name.clone(),
            Subject::Chain(c) => m.chains.get(c)?.name.clone(),
            Subject::Link { chain, link } => m
                .chains
                .get(chain)?
                .links
                .iter()
                .find(|l| &l.id == link)?
                .name
                .clone(),
            Subject::Kpi(k) => m.kpis.get(k)?.name.clone(),
            Subject::Action { at, action } => m
                .meeting(at)?
                .actions
                .iter()
                .find(|x| &x.id == action)?
                .what
                .clone(),
        })
    };
    pick(b).or_else(|| pick(a)).unwrap_or_default()
}

fn kind(s: &Subject, lang: Lang) -> &'static str {
    match s {
        Subject::Model => lang.pick("Model", "Model"),
        Subject::Goal(_) => lang.pick("Goal", "Doel"),
        Subject::Department(_) => lang.pick("Department", "Afdeling"),
        Subject::Chain(_) => lang.pick("Chain", "Keten"),
        Subject::Link { .. } => lang.pick("Link", "Schakel"),
        Subject::Kpi(_) => "KPI",
        Subject::Action { .. } => lang.pick("Action", "Actie"),
    }
}

/// A field's label: the one its element kind's field table gives (the inspector's words), else
/// the words for a KPI's place and an action's fields, else its key (a property of a newer
/// version).
fn field_label(subject: &Subject, field: &str, lang: Lang) -> String {
    fn of<T: fields::Element>(table: &[Field<T>], key: &str, lang: Lang) -> Option<&'static str> {
        fields::field(table, key).map(|f| f.label(lang))
    }
    let label = match subject {
        Subject::Model => of(fields::MODEL_FIELDS, field, lang),
        Subject::Goal(_) => of(fields::GOAL_FIELDS, field, lang),
        Subject::Department(_) => of(fields::DEPARTMENT_FIELDS, field, lang),
        Subject::Chain(_) => of(fields::CHAIN_FIELDS, field, lang),
        Subject::Link { .. } => of(fields::LINK_FIELDS, field, lang),
        Subject::Kpi(_) => of(fields::KPI_FIELDS, field, lang),
        Subject::Action { .. } => None,
    };
    let (en, nl) = match (label, field) {
        (Some(label), _) => return label.to_string(),
        (None, "at") => ("Place", "Plaats"),
        (None, "what") => ("Action", "Actie"),
        (None, "owner") => ("Owner", "Eigenaar"),
        (None, "due") => ("Due", "Gereed op"),
        (None, "done") => ("Done", "Gereed"),
        (None, "escalated") => ("Escalated to MT", "Geëscaleerd naar MT"),
        (None, other) => return other.replace('_', " "),
    };
    lang.pick(en, nl).to_string()
}

fn text(v: &Option<Value>, a: &Model, b: &Model, lang: Lang) -> String {
    match v {
        None => lang.pick("(empty)", "(leeg)").to_string(),
        Some(Value::String(s)) if s.is_empty() => lang.pick("(empty)", "(leeg)").to_string(),
        Some(Value::String(s)) => format!("“{s}”"),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(|f| format_number(f, lang))
            .unwrap_or_default(),
        Some(Value::Bool(x)) => lang
            .pick(if *x { "yes" } else { "no" }, if *x { "ja" } else { "nee" })
            .to_string(),
        Some(v @ Value::Object(_)) => match serde_json::from_value::<Attach>(v.clone()) {
            Ok(Attach::Handover { chain, link }) => {
                let m = if b.chains.contains_key(&chain) { b } else { a };
                format!(
                    "{} “{}”",
                    lang.pick("handover", "overdracht"),
                    between(m, &chain, &link, lang)
                )
            }
            Ok(at) => {
                let s = match &at {
                    Attach::Result { goal } => Subject::Goal(goal.clone()),
                    Attach::Chain { chain } => Subject::Chain(chain.clone()),
                    Attach::Link { chain, link } | Attach::Handover { chain, link } => {
                        Subject::Link {
                            chain: chain.clone(),
                            link: link.clone(),
                        }
                    }
                };
                format!("{} “{}”", kind(&s, lang).to_lowercase(), name_of(a, b, &s))
            }
            Err(_) => v.to_string(),
        },
        // A link's agreements: their texts.
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.get("text").and_then(Value::as_str).unwrap_or_default())
            .map(|t| format!("“{t}”"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(v) => v.to_string(),
    }
}

fn ordinal(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n}e"),
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (1, x) if x != 11 => "st",
                (2, x) if x != 12 => "nd",
                (3, x) if x != 13 => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

fn number(v: Option<f64>, lang: Lang) -> String {
    v.map_or_else(
        || lang.pick("(none)", "(geen)").to_string(),
        |x| format_number(x, lang),
    )
}

/// One difference as a sentence. `a` is mine (the open model), `b` the other copy.
pub fn describe(d: &Difference, a: &Model, b: &Model, lang: Lang) -> String {
    let named = |s: &Subject| format!("{} “{}”", kind(s, lang), name_of(a, b, s));
    match d {
        Difference::Added(s) => format!("{} {}", named(s), lang.pick("added", "toegevoegd")),
        Difference::Removed(s) => format!("{} {}", named(s), lang.pick("removed", "verwijderd")),
        Difference::Field {
            subject,
            field,
            old,
            new,
        } if field == "name" => {
            let old_name = text(old, a, b, lang);
            let new_name = text(new, a, b, lang);
            lang.pick(
                format!("{} {old_name} renamed {new_name}", kind(subject, lang)),
                format!("{} {old_name} heet nu {new_name}", kind(subject, lang)),
            )
        }
        Difference::Field {
            subject,
            field,
            old,
            new,
        } => format!(
            "{} {} {}: {} → {}",
            field_label(subject, field, lang),
            lang.pick("of", "van"),
            named(subject).to_lowercase_first(),
            text(old, a, b, lang),
            text(new, a, b, lang)
        ),
        Difference::Moved {
            chain,
            link,
            from,
            to,
        } => {
            let s = Subject::Link {
                chain: chain.clone(),
                link: link.clone(),
            };
            lang.pick(
                format!(
                    "{} moved from {} to {}",
                    named(&s),
                    ordinal(from + 1, lang),
                    ordinal(to + 1, lang)
                ),
                format!(
                    "{} verplaatst van {} naar {} plaats",
                    named(&s),
                    ordinal(from + 1, lang),
                    ordinal(to + 1, lang)
                ),
            )
        }
        Difference::Value {
            kpi,
            period,
            old,
            new,
        } => format!(
            "{} “{}”, {period}: {} → {}",
            lang.pick("Value of", "Waarde van"),
            name_of(a, b, &Subject::Kpi(kpi.clone())),
            number(*old, lang),
            number(*new, lang)
        ),
        Difference::Comment {
            kpi,
            period,
            old,
            new,
        } => format!(
            "{} “{}”, {period}: {} → {}",
            lang.pick("Comment on", "Toelichting bij"),
            name_of(a, b, &Subject::Kpi(kpi.clone())),
            text(&old.clone().map(Value::String), a, b, lang),
            text(&new.clone().map(Value::String), a, b, lang)
        ),
        Difference::Drive { kpi, target, added } => {
            let (k, t) = (
                name_of(a, b, &Subject::Kpi(kpi.clone())),
                name_of(a, b, &Subject::Kpi(target.clone())),
            );
            match (added, lang) {
                (true, Lang::En) => format!("“{k}” now drives “{t}”"),
                (true, Lang::Nl) => format!("“{k}” stuurt nu “{t}”"),
                (false, Lang::En) => format!("“{k}” no longer drives “{t}”"),
                (false, Lang::Nl) => format!("“{k}” stuurt “{t}” niet meer"),
            }
        }
        Difference::Meeting { at, date, added } => {
            let what = match at {
                MeetingAt::Chain(_) => lang.pick("Chain meeting", "Ketenoverleg").to_string(),
                MeetingAt::Department(d) => format!(
                    "{} “{}”",
                    lang.pick("Department meeting", "Afdelingsoverleg"),
                    name_of(a, b, &Subject::Department(d.clone()))
                ),
                MeetingAt::Mt => lang.pick("MT meeting", "MT-overleg").to_string(),
            };
            match (added, lang) {
                (true, Lang::En) => format!("{what} of {date} held (in the other copy)"),
                (true, Lang::Nl) => format!("{what} van {date} gehouden (in de andere kopie)"),
                (false, Lang::En) => format!("{what} of {date} (only in this copy)"),
                (false, Lang::Nl) => format!("{what} van {date} (alleen in deze kopie)"),
            }
        }
        Difference::Order { list } => {
            let list = match (list.as_str(), lang) {
                ("goals", Lang::Nl) => "doelen",
                ("chains", Lang::Nl) => "ketens",
                ("kpis", Lang::Nl) => "KPI's",
                ("departments", Lang::Nl) => "afdelingen",
                ("actions", Lang::Nl) => "acties",
                ("kpis", Lang::En) => "KPIs",
                (l, _) => l,
            };
            lang.pick(
                format!("Order of {list} changed"),
                format!("Volgorde van {list} gewijzigd"),
            )
        }
    }
}

/// A merge conflict in words: what it is about, and its value in each copy.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictText {
    /// The field or element ("Target of KPI “Machines installed on time”").
    pub what: String,
    /// Its value in this copy.
    pub mine: String,
    /// Its value in the other copy.
    pub theirs: String,
}

/// `c` in words; `a` is mine (the open model), `b` the other copy.
pub fn conflict_text(c: &Conflict, a: &Model, b: &Model, lang: Lang) -> ConflictText {
    let named = |s: &Subject| format!("{} “{}”", kind(s, lang), name_of(a, b, s));
    let of_period = |what: &str, kpi: &Id, period: &crate::model::Period| {
        format!(
            "{what} “{}”, {period}",
            name_of(a, b, &Subject::Kpi(kpi.clone()))
        )
    };
    let presence = |v: &Option<Value>| {
        if v.is_some() {
            lang.pick("present", "aanwezig").to_string()
        } else {
            lang.pick("not present", "niet aanwezig").to_string()
        }
    };
    let (what, mine, theirs) = match difference_of(&c.key, c.mine.as_ref(), c.theirs.as_ref()) {
        Some(Difference::Field {
            subject,
            field,
            old,
            new,
        }) => (
            format!(
                "{} {} {}",
                field_label(&subject, &field, lang),
                lang.pick("of", "van"),
                named(&subject).to_lowercase_first()
            ),
            text(&old, a, b, lang),
            text(&new, a, b, lang),
        ),
        Some(Difference::Value {
            kpi,
            period,
            old,
            new,
        }) => (
            of_period(lang.pick("Value of", "Waarde van"), &kpi, &period),
            number(old, lang),
            number(new, lang),
        ),
        Some(Difference::Comment {
            kpi,
            period,
            old,
            new,
        }) => (
            of_period(lang.pick("Comment on", "Toelichting bij"), &kpi, &period),
            text(&old.map(Value::String), a, b, lang),
            text(&new.map(Value::String), a, b, lang),
        ),
        Some(Difference::Added(s) | Difference::Removed(s)) => {
            (named(&s), presence(&c.mine), presence(&c.theirs))
        }
        Some(Difference::Drive { kpi, target, .. }) => {
            let (k, t) = (
                name_of(a, b, &Subject::Kpi(kpi)),
                name_of(a, b, &Subject::Kpi(target)),
            );
            (
                lang.pick(format!("“{k}” drives “{t}”"), format!("“{k}” stuurt “{t}”")),
                presence(&c.mine),
                presence(&c.theirs),
            )
        }
        Some(d) => (
            describe(&d, a, b, lang),
            text(&c.mine, a, b, lang),
            text(&c.theirs, a, b, lang),
        ),
        None => (
            c.key.clone(),
            text(&c.mine, a, b, lang),
            text(&c.theirs, a, b, lang),
        ),
    };
    ConflictText { what, mine, theirs }
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    /// "KPI “x”" stays, "Link “x”" becomes "link “x”" (mid-sentence).
    fn to_lowercase_first(&self) -> String {
        if self.starts_with("KPI") {
            return self.clone();
        }
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

/// The chain a difference belongs to (`None`: the model, its goals, departments, result KPIs).
fn chain_of(d: &Difference, a: &Model, b: &Model) -> Option<Id> {
    let kpi_chain = |k: &Id| {
        b.kpis
            .get(k)
            .or_else(|| a.kpis.get(k))
            .and_then(|k| match &k.at {
                Attach::Chain { chain }
                | Attach::Link { chain, .. }
                | Attach::Handover { chain, .. } => Some(chain.clone()),
                Attach::Result { .. } => None,
            })
    };
    let subject_chain = |s: &Subject| match s {
        Subject::Chain(c)
        | Subject::Link { chain: c, .. }
        | Subject::Action {
            at: MeetingAt::Chain(c),
            ..
        } => Some(c.clone()),
        Subject::Kpi(k) => kpi_chain(k),
        _ => None,
    };
    match d {
        Difference::Added(s) | Difference::Removed(s) | Difference::Field { subject: s, .. } => {
            subject_chain(s)
        }
        Difference::Moved { chain, .. }
        | Difference::Meeting {
            at: MeetingAt::Chain(chain),
            ..
        } => Some(chain.clone()),
        Difference::Meeting { .. } => None,
        Difference::Value { kpi, .. }
        | Difference::Comment { kpi, .. }
        | Difference::Drive { kpi, .. } => kpi_chain(kpi),
        Difference::Order { .. } => None,
    }
}

/// The differences as sentences, grouped: first the model, goals, departments and result
/// KPIs, then each chain (in `b`'s order, then chains only in `a`).
pub fn grouped(diffs: &[Difference], a: &Model, b: &Model, lang: Lang) -> Vec<Group> {
    let mut order: Vec<Option<Id>> = vec![None];
    order.extend(b.chains.keys().cloned().map(Some));
    order.extend(
        a.chains
            .keys()
            .filter(|c| !b.chains.contains_key(*c))
            .cloned()
            .map(Some),
    );
    let mut groups: Vec<Group> = order
        .into_iter()
        .map(|chain| {
            let title = match &chain {
                None => lang
                    .pick(
                        "Model, goals and departments",
                        "Model, doelen en afdelingen",
                    )
                    .to_string(),
                Some(c) => format!(
                    "{} “{}”",
                    lang.pick("Chain", "Keten"),
                    name_of(a, b, &Subject::Chain(c.clone()))
                ),
            };
            Group {
                chain,
                title,
                lines: Vec::new(),
            }
        })
        .collect();
    for d in diffs {
        let c = chain_of(d, a, b);
        if let Some(g) = groups.iter_mut().find(|g| g.chain == c) {
            g.lines.push(describe(d, a, b, lang));
        }
    }
    groups.retain(|g| !g.lines.is_empty());
    groups
}
