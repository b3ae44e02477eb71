//! The Values grid, computed without the browser: its rows (KPIs grouped by goal, chain and
//! link), each row's periods for a column, and where the keyboard cursor goes (the window of
//! rows and columns near the viewport is [`super::window`]).
//!
//! Columns are the [`SLOTS`] months up to the "As of" month, so every row lines up in time. A
//! KPI's cell in a month is its latest period that ends in that month: a monthly KPI has one
//! in every month, a quarterly KPI in March, June, September and December, a yearly KPI in
//! December; a weekly or daily KPI shows its last week or day of each month (its other weeks
//! and days are entered with Paste values or a values CSV). The last column is thus each
//! KPI's period as of the chosen month, when that period ends in it.

use crate::model::missing::{is_mine, Waiting};
use crate::model::steer::{month_of, prev_month, Month};
use crate::model::{Attach, Frequency, Id, Lang, Model, Period, Reader, Target};

/// How many period slots the grid has (three years of months).
pub const SLOTS: usize = 36;

/// One row of the grid.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GridRow {
    /// A heading: the goal, chain or link whose KPIs follow.
    Group(Target),
    /// A KPI's values.
    Kpi(Id),
}

impl GridRow {
    /// True for a KPI's row (the keyboard lands only on these).
    pub fn is_kpi(&self) -> bool {
        matches!(self, GridRow::Kpi(_))
    }
}

/// The rows: each goal then its result KPIs, each chain then its chain KPIs, then each of its
/// links and that link's KPIs; a heading only where KPIs follow. KPIs in model order.
pub fn grid_rows(m: &Model) -> Vec<GridRow> {
    read_grid_rows(&Reader::new(m))
}

/// [`grid_rows`], read through `r` (which goals, chains, links and KPIs exist; no names).
pub fn read_grid_rows(r: &Reader) -> Vec<GridRow> {
    rows_of(r, |_| true)
}

/// The rows of "My KPIs": [`read_grid_rows`] with only the KPIs whose owner is `your_name`
/// ([`is_mine`]; none when the name is empty), a heading only where one of them follows.
/// Reads each KPI's own fields too (its owner).
pub fn read_my_grid_rows(r: &Reader, your_name: &str) -> Vec<GridRow> {
    rows_of(r, |id| r.kpi(id).is_some_and(|k| is_mine(k, your_name)))
}

/// The rows of the KPIs for which `keep` holds.
fn rows_of(r: &Reader, keep: impl Fn(&Id) -> bool) -> Vec<GridRow> {
    let mut at: std::collections::HashMap<&Attach, Vec<&Id>> = std::collections::HashMap::new();
    for (id, a) in r.kpi_places() {
        if keep(id) {
            at.entry(a).or_default().push(id);
        }
    }
    let mut rows = Vec::new();
    let group = |rows: &mut Vec<GridRow>, target: Target, attach: Attach| {
        if let Some(ids) = at.get(&attach) {
            rows.push(GridRow::Group(target));
            rows.extend(ids.iter().map(|id| GridRow::Kpi((*id).clone())));
        }
    };
    for g in r.goal_ids() {
        group(
            &mut rows,
            Target::Goal(g.clone()),
            Attach::Result { goal: g.clone() },
        );
    }
    for c in r.chain_ids() {
        group(
            &mut rows,
            Target::Chain(c.clone()),
            Attach::Chain { chain: c.clone() },
        );
        for l in r.link_ids(c) {
            let (chain, link) = (c.clone(), l.clone());
            group(
                &mut rows,
                Target::Link {
                    chain: chain.clone(),
                    link: link.clone(),
                },
                Attach::Link {
                    chain: chain.clone(),
                    link: link.clone(),
                },
            );
            group(
                &mut rows,
                Target::Handover {
                    chain: chain.clone(),
                    link: link.clone(),
                },
                Attach::Handover { chain, link },
            );
        }
    }
    rows
}

/// The period in column `slot` (0 = oldest of [`SLOTS`]) of a KPI measured at `frequency`,
/// as of `month`: its latest period ending in that column's month; `None` when none ends
/// there or the frequency is not set.
pub fn slot_period(frequency: Frequency, month: Month, slot: usize) -> Option<Period> {
    let mut col = month;
    for _ in slot..SLOTS.saturating_sub(1) {
        col = prev_month(col);
    }
    Period::latest_ending_by(frequency, col).filter(|p| month_of(*p) == col)
}

/// KPI `kpi`'s cell in column `slot` as of `month`, from the model as it is: the cell's
/// period and the KPI's value for it. `None` when the KPI is gone or has no period there. (The
/// grid's key and blur handlers read this rather than the row's memos: a handler can run after
/// its row was disposed, e.g. the blur of a focused cell whose view is being unmounted.)
pub fn cell_value(m: &Model, kpi: &Id, month: Month, slot: usize) -> Option<(Period, Option<f64>)> {
    let k = m.kpis.get(kpi)?;
    let period = slot_period(k.frequency, month, slot)?;
    Some((period, k.values.get(&period)))
}

/// The column headings: the month of each slot, oldest first.
pub fn slot_months(month: Month) -> Vec<Period> {
    Period::last_n(Frequency::Monthly, month, SLOTS)
}

/// A key that moves the grid's cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// ArrowUp (or Shift+Enter).
    Up,
    /// ArrowDown (or Enter).
    Down,
    /// ArrowLeft (or Shift+Tab).
    Left,
    /// ArrowRight (or Tab).
    Right,
    /// Home: the first column.
    Home,
    /// End: the last column.
    End,
}

/// Where the cursor at `(row, col)` goes, skipping heading rows; stays put at an edge.
pub fn step(rows: &[GridRow], (row, col): (usize, usize), mv: Move) -> (usize, usize) {
    let last_col = SLOTS - 1;
    let kpi_row = |r: &usize| rows.get(*r).is_some_and(GridRow::is_kpi);
    match mv {
        Move::Left => (row, col.saturating_sub(1)),
        Move::Right => (row, (col + 1).min(last_col)),
        Move::Home => (row, 0),
        Move::End => (row, last_col),
        Move::Up => ((0..row).rev().find(kpi_row).unwrap_or(row), col),
        Move::Down => ((row + 1..rows.len()).find(kpi_row).unwrap_or(row), col),
    }
}

/// "3 KPIs" / "3 KPI's", "1 KPI".
pub fn kpi_count(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (1, _) => "1 KPI".to_string(),
        (n, Lang::En) => format!("{n} KPIs"),
        (n, Lang::Nl) => format!("{n} KPI's"),
    }
}

/// An owner's line of "Waiting for values": "Anna: 3 KPIs"; the KPIs without an owner are
/// "No owner: 2 KPIs" ("Geen eigenaar: 2 KPI's").
pub fn waiting_line(w: &Waiting, lang: Lang) -> String {
    let owner = if w.owner.is_empty() {
        lang.pick("No owner", "Geen eigenaar")
    } else {
        w.owner.as_str()
    };
    format!("{owner}: {}", kpi_count(w.kpis.len(), lang))
}

/// The heading of "Waiting for values" as of `as_of`: how many KPIs wait in all ("Waiting for
/// values for 2026-12: 5 KPIs"), or that none do.
pub fn waiting_summary(waiting: &[Waiting], as_of: Month, lang: Lang) -> String {
    let month = crate::model::steer::month_text(as_of);
    match waiting.iter().map(|w| w.kpis.len()).sum() {
        0 => lang.pick(
            format!("Waiting for values for {month}: none, every KPI has its value"),
            format!("Wachten op waarden voor {month}: geen, elke KPI heeft zijn waarde"),
        ),
        n => lang.pick(
            format!("Waiting for values for {month}: {}", kpi_count(n, lang)),
            format!("Wachten op waarden voor {month}: {}", kpi_count(n, lang)),
        ),
    }
}
