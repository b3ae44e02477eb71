//! What the KPIs table shows of a KPI, and the order of its rows (filter and sort), computed
//! from the model without Leptos so it stays cheap and testable.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::model::completeness::Completeness;
use crate::model::{
    note_of, status_as_of, value_as_of, Attach, Direction, Frequency, Id, Kpi, Lang, Level, Model,
    Month, Norm, Reader, Status,
};

/// The columns the table can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The KPI's name.
    Name,
    /// Its level: result, chain, link.
    Level,
    /// Its chain's name.
    Chain,
    /// Its link's (or goal's) name.
    Link,
    /// Its owner.
    Owner,
    /// Its unit.
    Unit,
    /// Its direction: higher, lower, band; unset last.
    Direction,
    /// Its norm, by its target (a band: its low target); no norm last.
    Target,
    /// Its frequency: daily to yearly; unset last.
    Frequency,
    /// How many of the eight items of its definition are filled: fewest first.
    Defined,
    /// Its value as of the month; no value last.
    Value,
    /// Its status as of the month: off target, at risk, on target, no value, no norm.
    Status,
}

/// A column sort: key and ascending.
pub type Sort = Option<(SortKey, bool)>;

/// One row of the table: the displayed fields of one KPI (names resolved).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowData {
    /// The KPI's level.
    pub level: Option<Level>,
    /// The chain's name (empty for a result KPI).
    pub chain: String,
    /// The link's name, or the goal's name for a result KPI.
    pub link: String,
    /// The KPI's name.
    pub name: String,
    /// Its owner.
    pub owner: String,
    /// Its unit.
    pub unit: String,
    /// Its direction.
    pub direction: Direction,
    /// Its norm, `None` while incomplete.
    pub norm: Option<Norm>,
    /// Its norm description as a note beside the norm, never as the norm ([`note_of`]: empty
    /// when it only restates the norm).
    pub note: String,
    /// Its frequency.
    pub frequency: Frequency,
    /// Which items of its definition are filled (the "Defined" column).
    pub completeness: Completeness,
    /// The names of the KPIs it drives (existing ones, in its order).
    pub drives: Vec<String>,
}

/// The chain's name and the link's (or, for a result KPI, the goal's; for a handover KPI,
/// "Sales -> Planning") name of a KPI.
pub fn place_names<'a>(m: &'a Model, k: &Kpi) -> (&'a str, Cow<'a, str>) {
    read_place_names(&Reader::new(m), k, Lang::En)
}

/// [`place_names`], read through `r`.
fn read_place_names<'a>(r: &Reader<'a>, k: &Kpi, lang: Lang) -> (&'a str, Cow<'a, str>) {
    let chain_name = |chain: &Id| r.chain(chain).map_or("", |c| c.name.as_str());
    match &k.at {
        Attach::Result { goal } => ("", r.goal(goal).map_or("", |g| g.name.as_str()).into()),
        Attach::Chain { chain } => (chain_name(chain), "".into()),
        Attach::Link { chain, link } => (
            chain_name(chain),
            r.link(chain, link).map_or("", |l| l.name.as_str()).into(),
        ),
        Attach::Handover { chain, link } => (
            chain_name(chain),
            r.handover_between(chain, link, lang).into(),
        ),
    }
}

/// The row of KPI `id`, or `None` if it is gone.
pub fn row_data(m: &Model, id: &Id) -> Option<RowData> {
    read_row_data(&Reader::new(m), id)
}

/// [`row_data`], read through `r`: the KPI's fields, where it hangs, and the names of the
/// KPIs it drives.
pub fn read_row_data(r: &Reader, id: &Id) -> Option<RowData> {
    let k = r.kpi(id)?;
    let (chain, link) = read_place_names(r, k, Lang::En);
    Some(RowData {
        level: Some(k.level()),
        chain: chain.to_string(),
        link: link.to_string(),
        name: k.name.clone(),
        owner: k.owner.clone(),
        unit: k.unit.clone(),
        direction: k.direction,
        norm: k.norm(),
        note: note_of(k).to_string(),
        frequency: k.frequency,
        completeness: Completeness::of(k),
        drives: r
            .drives(id)
            .iter()
            .filter_map(|d| r.kpi(d).map(|t| t.name.clone()))
            .collect(),
    })
}

/// True if the lower-cased query is in the KPI's name, chain, link (or goal) or owner.
fn matches(m: &Model, k: &Kpi, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let (chain, link) = place_names(m, k);
    [k.name.as_str(), chain, &link, k.owner.as_str()]
        .iter()
        .any(|s| s.to_lowercase().contains(query))
}

fn level_rank(l: Level) -> u8 {
    match l {
        Level::Result => 0,
        Level::Chain => 1,
        Level::Link => 2,
    }
}

fn direction_rank(d: Direction) -> Option<u8> {
    match d {
        Direction::Unset => None,
        Direction::Higher => Some(0),
        Direction::Lower => Some(1),
        Direction::Band => Some(2),
    }
}

fn frequency_rank(f: Frequency) -> Option<u8> {
    match f {
        Frequency::Unset => None,
        Frequency::Daily => Some(0),
        Frequency::Weekly => Some(1),
        Frequency::Monthly => Some(2),
        Frequency::Quarterly => Some(3),
        Frequency::Yearly => Some(4),
    }
}

/// A sort value: `None` (empty) sorts last either way.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Val {
    Rank(u8),
    Number(Num),
    Text(String),
}

/// A number ordered totally (norms and values hold finite numbers only).
struct Num(f64);

impl PartialEq for Num {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Num {}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

fn text(s: &str) -> Option<Val> {
    let t = s.trim();
    (!t.is_empty()).then(|| Val::Text(t.to_lowercase()))
}

/// The order of statuses when sorting ascending: the ones to act on first.
pub fn status_rank(s: Status) -> u8 {
    match s {
        Status::OffTarget => 0,
        Status::AtRisk => 1,
        Status::OnTarget => 2,
        Status::NoValue => 3,
        Status::NoNorm => 4,
    }
}

fn sort_value(m: &Model, k: &Kpi, key: SortKey, as_of: Month) -> Option<Val> {
    match key {
        SortKey::Name => text(&k.name),
        SortKey::Level => Some(Val::Rank(level_rank(k.level()))),
        SortKey::Chain => text(place_names(m, k).0),
        SortKey::Link => text(&place_names(m, k).1),
        SortKey::Owner => text(&k.owner),
        SortKey::Unit => text(&k.unit),
        SortKey::Direction => direction_rank(k.direction).map(Val::Rank),
        SortKey::Target => k.norm().map(|n| {
            Val::Number(Num(match n {
                Norm::Higher { target, .. } | Norm::Lower { target, .. } => target,
                Norm::Band { low, .. } => low,
            }))
        }),
        SortKey::Frequency => frequency_rank(k.frequency).map(Val::Rank),
        SortKey::Defined => Some(Val::Rank(Completeness::of(k).score().0 as u8)),
        SortKey::Value => value_as_of(k, as_of).map(|v| Val::Number(Num(v))),
        SortKey::Status => Some(Val::Rank(status_rank(status_as_of(k, as_of)))),
    }
}

/// The ids of the KPIs that pass the filter, in sort order (ties and no sort: model order);
/// value and status as of `as_of`.
pub fn order(m: &Model, query: &str, level: Option<Level>, sort: Sort, as_of: Month) -> Vec<Id> {
    let query = query.trim().to_lowercase();
    let kept = m
        .kpis
        .values()
        .filter(|k| level.is_none_or(|l| k.level() == l))
        .filter(|k| matches(m, k, &query));
    match sort {
        None => kept.map(|k| k.id.clone()).collect(),
        Some((key, ascending)) => {
            let mut rows: Vec<(Option<Val>, &Kpi)> =
                kept.map(|k| (sort_value(m, k, key, as_of), k)).collect();
            crate::model::sort::sort_by(&mut rows, |(a, _), (b, _)| match (a, b) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) if ascending => a.cmp(b),
                (Some(a), Some(b)) => b.cmp(a),
            });
            rows.into_iter().map(|(_, k)| k.id.clone()).collect()
        }
    }
}

/// The name of a level in the table ("Result").
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Result => lang.pick("Result", "Resultaat"),
        Level::Chain => lang.pick("Chain", "Keten"),
        Level::Link => lang.pick("Link", "Schakel"),
    }
}

/// The level filter's option value (`None`: "all").
pub fn level_code(level: Option<Level>) -> &'static str {
    match level {
        None => "all",
        Some(Level::Result) => "result",
        Some(Level::Chain) => "chain",
        Some(Level::Link) => "link",
    }
}

/// The level of a filter option value ([`level_code`]'s inverse; "all" and unknown: `None`).
pub fn level_from_code(code: &str) -> Option<Level> {
    match code {
        "result" => Some(Level::Result),
        "chain" => Some(Level::Chain),
        "link" => Some(Level::Link),
        _ => None,
    }
}

/// The name a row shows: the KPI's name, or a placeholder if it has none.
pub fn shown_name(r: &RowData, lang: Lang) -> String {
    if r.name.trim().is_empty() {
        lang.pick("(unnamed KPI)", "(KPI zonder naam)").to_string()
    } else {
        r.name.clone()
    }
}

/// An HTML id for a KPI's select button: ids from imported files may hold any character.
pub fn dom_id(id: &Id) -> String {
    let mut out = String::from("kt-");
    for c in id.as_str().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}", c as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::large_model;

    const AS_OF: Month = (2026, 3);

    #[test]
    fn filter_and_sort() {
        let m = large_model(10, 100);
        let all = order(&m, "", None, None, AS_OF);
        assert_eq!(all.len(), m.kpis.len());
        let results = order(&m, "", Some(Level::Result), None, AS_OF);
        assert!(results.iter().all(|id| m.kpis[id].level() == Level::Result));
        let by_name = order(&m, "", None, Some((SortKey::Name, true)), AS_OF);
        let names: Vec<String> = by_name
            .iter()
            .map(|id| m.kpis[id].name.to_lowercase())
            .collect();
        let mut sorted = names.clone();
        #[allow(clippy::disallowed_methods)]
        sorted.sort();
        assert_eq!(names, sorted);
        let desc = order(&m, "", None, Some((SortKey::Name, false)), AS_OF);
        assert_eq!(desc.first(), by_name.last());
        // Empty units sort last both ways.
        for asc in [true, false] {
            let by_unit = order(&m, "", None, Some((SortKey::Unit, asc)), AS_OF);
            let last = by_unit.last().map(|id| m.kpis[id].unit.clone());
            assert_eq!(last.as_deref(), Some(""));
        }
        let q = order(&m, "OWNER 3", None, None, AS_OF);
        assert!(!q.is_empty() && q.len() < all.len());
    }
}
