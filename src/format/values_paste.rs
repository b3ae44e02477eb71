//! Paste values: a block copied from Excel or Google Sheets into the open model.
//!
//! The block is tab-separated (`delimited::records`): a header row `KPI<TAB>period<TAB>…`
//! (the first cell's text is ignored), then one row per KPI, named as in the model (case and
//! spaces do not matter: `names::same_name`). Headings and numbers are read as
//! `value_text` says; an empty cell is skipped (it never clears a value). Every cell that
//! cannot be used is a [`PasteProblem`] naming its row and column and quoting its text; the
//! other cells still count. [`ValuesPaste::edit`] turns the usable cells into one
//! `Edit::Batch`, leaving out values that would not change.

use std::collections::{HashMap, HashSet};

use super::delimited::records;
use super::value_text::{read_heading, read_number, Heading};
use crate::model::period::{Frequency, PeriodKind};
use crate::model::{name_key, Edit, Id, Kpi, Lang, Model, Period};

/// What a paste or values file would change, and every cell it cannot use.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValuesPaste {
    /// Values to set: KPI, period, value.
    pub cells: Vec<(Id, Period, f64)>,
    /// Comments to set (values files only): KPI, period, text.
    pub comments: Vec<(Id, Period, String)>,
    /// Cells that cannot be used, in reading order.
    pub problems: Vec<PasteProblem>,
}

/// What Apply would set, as a small grid ([`ValuesPaste::preview`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PastePreview {
    /// The columns: the periods with a value to set, oldest first.
    pub periods: Vec<Period>,
    /// The rows: a KPI, its name, and per column the cell to set (`None`: nothing there).
    pub rows: Vec<(Id, String, Vec<Option<PreviewCell>>)>,
    /// How many KPIs with values to set are not among the rows.
    pub more: usize,
}

/// One value Apply would set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PreviewCell {
    /// The value now (`Some`: Apply overwrites it).
    pub old: Option<f64>,
    /// The value Apply sets.
    pub new: f64,
}

/// One cell (or row, or heading) that cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub struct PasteProblem {
    /// Row in the block or file, from 1 (the header is row 1).
    pub row: usize,
    /// Column, from 1; `None` when the problem is about the whole row.
    pub column: Option<usize>,
    /// What is wrong.
    pub kind: PasteProblemKind,
}

/// What is wrong with a cell. Texts are the cell's text as given.
#[derive(Clone, Debug, PartialEq)]
pub enum PasteProblemKind {
    /// A value cell that is not a number.
    NotANumber(String),
    /// A KPI name (or id) that no KPI of the model has.
    UnknownKpi(String),
    /// A KPI name that several KPIs share.
    AmbiguousKpi(String, usize),
    /// A heading (or a period cell of a file) that is neither a period nor a date.
    UnknownPeriod(String),
    /// A value in a column without a heading.
    NoHeading(String),
    /// The KPI has no frequency, so a date cannot be turned into its period.
    NoFrequency(String),
    /// A period of another kind than the KPI's (heading, KPI name, the KPI's kind).
    WrongKind(String, String, PeriodKind),
    /// A second value for the same KPI and period (KPI name, period).
    SamePeriod(String, Period),
    /// A values file without a column it needs (its name).
    MissingColumn(&'static str),
}

fn kind_word(kind: PeriodKind, lang: Lang) -> &'static str {
    match kind {
        PeriodKind::Day => lang.pick("a day", "een dag"),
        PeriodKind::Week => lang.pick("a week", "een week"),
        PeriodKind::Month => lang.pick("a month", "een maand"),
        PeriodKind::Quarter => lang.pick("a quarter", "een kwartaal"),
        PeriodKind::Year => lang.pick("a year", "een jaar"),
    }
}

fn measured_per(kind: PeriodKind, lang: Lang) -> &'static str {
    match kind {
        PeriodKind::Day => lang.pick("daily", "dagelijks"),
        PeriodKind::Week => lang.pick("weekly", "wekelijks"),
        PeriodKind::Month => lang.pick("monthly", "maandelijks"),
        PeriodKind::Quarter => lang.pick("quarterly", "per kwartaal"),
        PeriodKind::Year => lang.pick("yearly", "jaarlijks"),
    }
}

impl PasteProblemKind {
    /// The problem in one sentence, quoting the cell's text.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PasteProblemKind::NotANumber(t) => lang.pick(
                format!("“{t}” is not a number."),
                format!("“{t}” is geen getal."),
            ),
            PasteProblemKind::UnknownKpi(t) => lang.pick(
                format!("“{t}”: no KPI has this name."),
                format!("“{t}”: geen KPI heeft deze naam."),
            ),
            PasteProblemKind::AmbiguousKpi(t, n) => lang.pick(
                format!("“{t}”: {n} KPIs have this name; rename them to tell them apart."),
                format!("“{t}”: {n} KPI's hebben deze naam; geef ze verschillende namen."),
            ),
            PasteProblemKind::UnknownPeriod(t) => lang.pick(
                format!("“{t}” is not a period: write 2026-03, 2026-Q1, 2026-W09, 2026 or a date such as 2026-03-01 or Mar-26."),
                format!("“{t}” is geen periode: schrijf 2026-03, 2026-Q1, 2026-W09, 2026 of een datum zoals 2026-03-01 of mrt-26."),
            ),
            PasteProblemKind::NoHeading(t) => lang.pick(
                format!("“{t}” stands in a column without a period heading."),
                format!("“{t}” staat in een kolom zonder periode als kop."),
            ),
            PasteProblemKind::NoFrequency(k) => lang.pick(
                format!("“{k}” has no frequency, so its periods are unknown: set its Frequency first."),
                format!("“{k}” heeft geen frequentie, dus de perioden zijn onbekend: kies eerst een Frequentie."),
            ),
            PasteProblemKind::WrongKind(t, k, kind) => lang.pick(
                format!("“{t}” is not {}, but “{k}” is measured {}.", kind_word(*kind, lang), measured_per(*kind, lang)),
                format!("“{t}” is niet {}, maar “{k}” wordt {} gemeten.", kind_word(*kind, lang), measured_per(*kind, lang)),
            ),
            PasteProblemKind::SamePeriod(k, p) => lang.pick(
                format!("A second value for “{k}” in {p}: only the first one is used."),
                format!("Een tweede waarde voor “{k}” in {p}: alleen de eerste telt."),
            ),
            PasteProblemKind::MissingColumn(c) => lang.pick(
                format!("The file has no column “{c}”."),
                format!("Het bestand heeft geen kolom “{c}”."),
            ),
        }
    }
}

impl PasteProblem {
    /// Where the problem is and what it is: "Row 3, column 2: “n/a” is not a number."
    pub fn message(&self, lang: Lang) -> String {
        let at = match self.column {
            Some(c) => lang.pick(
                format!("Row {}, column {c}", self.row),
                format!("Rij {}, kolom {c}", self.row),
            ),
            None => lang.pick(format!("Row {}", self.row), format!("Rij {}", self.row)),
        };
        format!("{at}: {}", self.kind.message(lang))
    }
}

/// Finds KPIs by name ([`name_key`]) or id.
pub(crate) struct KpiIndex<'m> {
    model: &'m Model,
    by_name: HashMap<String, Vec<&'m Kpi>>,
}

impl<'m> KpiIndex<'m> {
    pub(crate) fn new(model: &'m Model) -> KpiIndex<'m> {
        let mut by_name: HashMap<String, Vec<&Kpi>> = HashMap::new();
        for kpi in model.kpis.values() {
            by_name.entry(name_key(&kpi.name)).or_default().push(kpi);
        }
        KpiIndex { model, by_name }
    }

    /// The KPI with id `id` if there is one, else the one named `name`.
    pub(crate) fn find(&self, id: &str, name: &str) -> Result<&'m Kpi, PasteProblemKind> {
        if let Some(kpi) = self.model.kpis.get(&Id::new(id.trim())) {
            return Ok(kpi);
        }
        match self
            .by_name
            .get(&name_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            [kpi] => Ok(kpi),
            [] => Err(PasteProblemKind::UnknownKpi(
                if name.trim().is_empty() { id } else { name }.to_string(),
            )),
            many => Err(PasteProblemKind::AmbiguousKpi(name.to_string(), many.len())),
        }
    }
}

/// Collects cells and problems, and refuses a second value for one KPI and period.
#[derive(Default)]
pub(crate) struct Collector {
    pub(crate) out: ValuesPaste,
    seen_values: HashSet<(Id, Period)>,
    seen_comments: HashSet<(Id, Period)>,
}

impl Collector {
    pub(crate) fn problem(&mut self, row: usize, column: Option<usize>, kind: PasteProblemKind) {
        self.out.problems.push(PasteProblem { row, column, kind });
    }

    /// The period `heading` means for `kpi`, or a problem at (`row`, `column`).
    pub(crate) fn period(
        &mut self,
        kpi: &Kpi,
        heading: Heading,
        text: &str,
        (row, column): (usize, usize),
    ) -> Option<Period> {
        match heading.period_for(kpi.frequency) {
            Ok(p) => Some(p),
            Err(None) => {
                self.problem(row, None, PasteProblemKind::NoFrequency(kpi.name.clone()));
                None
            }
            Err(Some(kind)) => {
                let kind =
                    PasteProblemKind::WrongKind(text.trim().to_string(), kpi.name.clone(), kind);
                self.problem(row, Some(column), kind);
                None
            }
        }
    }

    /// Adds a value, unless the KPI already has one for `period` in this paste.
    pub(crate) fn value(&mut self, kpi: &Kpi, period: Period, value: f64, at: (usize, usize)) {
        if self.seen_values.insert((kpi.id.clone(), period)) {
            self.out.cells.push((kpi.id.clone(), period, value));
        } else {
            let kind = PasteProblemKind::SamePeriod(kpi.name.clone(), period);
            self.problem(at.0, Some(at.1), kind);
        }
    }

    /// Adds a comment, unless the KPI already has one for `period` in this file.
    pub(crate) fn comment(&mut self, kpi: &Kpi, period: Period, text: String, at: (usize, usize)) {
        if self.seen_comments.insert((kpi.id.clone(), period)) {
            self.out.comments.push((kpi.id.clone(), period, text));
        } else {
            let kind = PasteProblemKind::SamePeriod(kpi.name.clone(), period);
            self.problem(at.0, Some(at.1), kind);
        }
    }
}

/// Reads a block pasted from a spreadsheet. `lang` settles numbers such as `1,234`
/// (`value_text`).
pub fn parse_values_paste(text: &str, model: &Model, lang: Lang) -> ValuesPaste {
    let rows = records(text, '\t');
    let Some((header, body)) = rows.split_first() else {
        return ValuesPaste::default();
    };
    let mut c = Collector::default();
    let widest = body.iter().map(Vec::len).max().unwrap_or(0);
    // Headings by column (index 1..): `None` when the column cannot be used.
    let headings: Vec<Option<Heading>> = (0..widest.max(header.len()))
        .map(|i| {
            let text = header.get(i).map(String::as_str).unwrap_or("");
            if i == 0 || text.trim().is_empty() {
                return None;
            }
            let heading = read_heading(text);
            if heading.is_none() {
                let kind = PasteProblemKind::UnknownPeriod(text.trim().to_string());
                c.problem(1, Some(i + 1), kind);
            }
            heading
        })
        .collect();
    let kpis = KpiIndex::new(model);
    for (r, row) in body.iter().enumerate() {
        let row_no = r + 2;
        let name = row.first().map(String::as_str).unwrap_or("");
        let filled = || {
            row.iter()
                .enumerate()
                .skip(1)
                .filter(|(_, t)| !t.trim().is_empty())
        };
        if filled().next().is_none() {
            continue;
        }
        let kpi = match kpis.find("", name) {
            Ok(kpi) => kpi,
            Err(kind) => {
                c.problem(row_no, Some(1), kind);
                continue;
            }
        };
        if kpi.frequency == Frequency::Unset {
            c.problem(
                row_no,
                None,
                PasteProblemKind::NoFrequency(kpi.name.clone()),
            );
            continue;
        }
        for (i, text) in filled() {
            let at = (row_no, i + 1);
            let header_text = header.get(i).map(String::as_str).unwrap_or("");
            let heading = match headings.get(i).copied().flatten() {
                Some(h) => h,
                None if header_text.trim().is_empty() => {
                    c.problem(
                        at.0,
                        Some(at.1),
                        PasteProblemKind::NoHeading(text.trim().into()),
                    );
                    continue;
                }
                None => continue, // the heading's problem is listed once
            };
            let Some(value) = read_number(text, lang) else {
                c.problem(
                    at.0,
                    Some(at.1),
                    PasteProblemKind::NotANumber(text.trim().into()),
                );
                continue;
            };
            let Some(period) = c.period(kpi, heading, header_text, at) else {
                continue;
            };
            c.value(kpi, period, value, at);
        }
    }
    c.out
}

impl ValuesPaste {
    /// The edits that set the usable cells, leaving out values and comments that would not
    /// change.
    pub fn edits(&self, model: &Model) -> Vec<Edit> {
        let values = self.cells.iter().filter_map(|(kpi, period, value)| {
            let old = model.kpis.get(kpi)?.values.get(period);
            (old != Some(*value)).then(|| Edit::SetValue {
                kpi: kpi.clone(),
                period: *period,
                value: Some(*value),
            })
        });
        let comments = self.comments.iter().filter_map(|(kpi, period, text)| {
            let old = model.kpis.get(kpi)?.comments.get(period);
            (old.map(String::as_str) != Some(text.as_str())).then(|| Edit::SetComment {
                kpi: kpi.clone(),
                period: *period,
                comment: text.clone(),
            })
        });
        values.chain(comments).collect()
    }

    /// The usable cells as one undo step; `None` when nothing would change.
    pub fn edit(&self, model: &Model) -> Option<Edit> {
        let edits = self.edits(model);
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// The values Apply would set as a grid: one row per KPI (in the paste's order), one
    /// column per period (oldest first), each cell the value before and after; a cell whose
    /// value would not change is left out. At most `rows` KPIs (the rest are counted).
    pub fn preview(&self, model: &Model, rows: usize) -> PastePreview {
        let mut kpis: Vec<Id> = Vec::new();
        let mut periods: Vec<Period> = Vec::new();
        let mut cells: Vec<(Id, Period, Option<f64>, f64)> = Vec::new();
        for (kpi, period, new) in &self.cells {
            let Some(k) = model.kpis.get(kpi) else {
                continue;
            };
            let old = k.values.get(period);
            if old == Some(*new) {
                continue;
            }
            if !kpis.contains(kpi) {
                kpis.push(kpi.clone());
            }
            if !periods.contains(period) {
                periods.push(*period);
            }
            cells.push((kpi.clone(), *period, old, *new));
        }
        crate::model::sort::sort(&mut periods);
        let more = kpis.len().saturating_sub(rows);
        let rows = kpis
            .iter()
            .take(rows)
            .map(|id| {
                let name = model
                    .kpis
                    .get(id)
                    .map(|k| k.name.clone())
                    .unwrap_or_default();
                let row = periods
                    .iter()
                    .map(|p| {
                        cells
                            .iter()
                            .rev()
                            .find(|(k, q, _, _)| k == id && q == p)
                            .map(|(_, _, old, new)| PreviewCell {
                                old: *old,
                                new: *new,
                            })
                    })
                    .collect();
                (id.clone(), name, row)
            })
            .collect();
        PastePreview {
            periods,
            rows,
            more,
        }
    }

    /// What Apply would do, in one sentence: "3 values will be set (1 unchanged)."
    pub fn summary(&self, model: &Model, lang: Lang) -> String {
        let edits = self.edits(model);
        let set = edits
            .iter()
            .filter(|e| matches!(e, Edit::SetValue { .. }))
            .count();
        let notes = edits.len() - set;
        let same = self.cells.len() - set;
        let mut text = match (lang, set) {
            (Lang::En, 1) => "1 value will be set".to_string(),
            (Lang::En, n) => format!("{n} values will be set"),
            (Lang::Nl, 1) => "1 waarde wordt ingevuld".to_string(),
            (Lang::Nl, n) => format!("{n} waarden worden ingevuld"),
        };
        if same > 0 {
            text += &lang.pick(
                format!(" ({same} unchanged)"),
                format!(" ({same} ongewijzigd)"),
            );
        }
        if notes > 0 {
            text += &lang.pick(
                format!(", {notes} comments"),
                format!(", {notes} opmerkingen"),
            );
        }
        text.push('.');
        text
    }
}
