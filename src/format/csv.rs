//! CSV export of every KPI, for Excel and other spreadsheets.
//!
//! RFC 4180: CRLF line ends, fields containing the separator, a quote, CR or LF are quoted,
//! quotes doubled. The text starts with a UTF-8 BOM so Excel reads it as UTF-8.
//!
//! Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR would be run as a
//! formula by spreadsheet programs; such cells get a leading `'` (so `-5%` is written `'-5%`).

use crate::model::fields::{FieldValue, KPI_FIELDS};
use crate::model::handover::handover_name;
use crate::model::{
    format_number, shown_norm, Attach, Choice, Direction, Frequency, Kpi, Level, Model, ValueType,
};

use super::lang::Lang;

/// The columns before a KPI's fields: its level and where it hangs.
const PLACE_EN: [&str; 4] = ["level", "goal", "chain", "link"];
const PLACE_NL: [&str; 4] = ["niveau", "doel", "keten", "schakel"];
/// The KPI field shown as a note, after a `norm` column derived from the numbers.
const NOTE_FIELD: &str = "norm_description";
/// The column after them: the names of the KPIs it drives.
const DRIVES: (&str, &str) = ("drives", "stuurt");

/// The header: the place columns, a column per KPI field ([`KPI_FIELDS`]: in English its key
/// with spaces, in Dutch its label in lower case), then `drives`.
fn header(lang: Lang) -> impl Iterator<Item = String> {
    let nl = lang == Lang::Nl;
    let place = if nl { PLACE_NL } else { PLACE_EN };
    let fields = KPI_FIELDS.iter().flat_map(move |f| {
        let name = if nl {
            f.nl.to_lowercase()
        } else {
            f.key.replace('_', " ")
        };
        // The norm as views show it goes before the free text, which is a note beside it.
        if f.key == NOTE_FIELD {
            let norm = lang.pick("norm", "normtekst").to_string();
            vec![norm, lang.pick("norm note", "normnotitie").to_string()]
        } else {
            vec![name]
        }
    });
    place
        .into_iter()
        .map(String::from)
        .chain(fields)
        .chain([lang.pick(DRIVES.0, DRIVES.1).to_string()])
}

/// Every KPI as CSV with English headers and values, comma-separated.
pub fn export_csv(model: &Model) -> String {
    export_csv_with(model, Lang::En, ',')
}

/// Every KPI as CSV with headers and values in `lang`, separated by `separator` (`,` per
/// RFC 4180; `;` suits Excel in Dutch locales). Rows: result KPIs, then chain KPIs in chain
/// order, then link KPIs in chain and link order; within those, model order.
pub fn export_csv_with(model: &Model, lang: Lang, separator: char) -> String {
    let mut out = String::from('\u{feff}');
    write_row(&mut out, header(lang), separator);
    let mut kpis: Vec<&Kpi> = model.kpis.values().collect();
    crate::model::sort::sort_by_key(&mut kpis, |k| sort_key(model, k));
    for kpi in kpis {
        write_row(&mut out, row(model, kpi, lang), separator);
    }
    out
}

fn sort_key(model: &Model, kpi: &Kpi) -> (Level, usize, usize) {
    match &kpi.at {
        Attach::Result { goal } => (Level::Result, position(model.goals.get_index_of(goal)), 0),
        Attach::Chain { chain } => (Level::Chain, position(model.chains.get_index_of(chain)), 0),
        Attach::Link { chain, link } | Attach::Handover { chain, link } => {
            let c = model.chains.get_index_of(chain);
            let l = model
                .chains
                .get(chain)
                .and_then(|c| c.links.iter().position(|x| &x.id == link));
            (Level::Link, position(c), position(l))
        }
    }
}

fn position(p: Option<usize>) -> usize {
    p.unwrap_or(usize::MAX)
}

/// Where a KPI hangs, by name: its goal (result KPIs), its chain, and its link (the link of
/// its own chain: link ids are unique only within their chain; a handover's two links), each
/// empty where none.
pub(crate) fn place(model: &Model, kpi: &Kpi, lang: Lang) -> (String, String, String) {
    match &kpi.at {
        Attach::Result { goal } => (
            model
                .goals
                .get(goal)
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            String::new(),
            String::new(),
        ),
        Attach::Chain { chain } => (String::new(), chain_name(model, chain), String::new()),
        Attach::Link { chain, link } => {
            let link_name = model
                .chains
                .get(chain)
                .and_then(|c| c.links.iter().find(|l| &l.id == link))
                .map(|l| {
                    if l.name.is_empty() {
                        l.department
                            .as_ref()
                            .and_then(|d| model.departments.get(d))
                            .map(|d| d.name.clone())
                            .unwrap_or_default()
                    } else {
                        l.name.clone()
                    }
                })
                .unwrap_or_default();
            (String::new(), chain_name(model, chain), link_name)
        }
        Attach::Handover { chain, link } => (
            String::new(),
            chain_name(model, chain),
            handover_name(model, chain, link, lang),
        ),
    }
}

fn row<'k>(model: &Model, kpi: &'k Kpi, lang: Lang) -> impl Iterator<Item = String> + 'k {
    let nl = lang == Lang::Nl;
    let (goal, chain, link) = place(model, kpi, lang);
    let level = match (kpi.level(), nl) {
        (Level::Result, false) => "result",
        (Level::Chain, false) => "chain",
        (Level::Link, false) => "link",
        (Level::Result, true) => "resultaat",
        (Level::Chain, true) => "keten",
        (Level::Link, true) => "schakel",
    };
    let drives: Vec<String> = kpi
        .drives
        .iter()
        .map(|id| {
            model
                .kpis
                .get(id)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| id.to_string())
        })
        .collect();
    let fields = KPI_FIELDS.iter().flat_map(move |f| {
        let value = cell((f.get)(kpi), nl);
        if f.key == NOTE_FIELD {
            vec![shown_norm(kpi.norm().as_ref(), lang), value]
        } else {
            vec![value]
        }
    });
    [level.to_string(), goal, chain, link]
        .into_iter()
        .chain(fields)
        .chain([drives.join("; ")])
}

/// A field's value as its cell: texts as they are, numbers as the language writes them,
/// choices by code in English and by a Dutch word in Dutch.
fn cell(value: FieldValue, nl: bool) -> String {
    match value {
        FieldValue::Text(t) => t.to_string(),
        FieldValue::Number(n) => number(n, nl),
        FieldValue::Flag(b) => b.to_string(),
        FieldValue::Reference(id) => id.map(|id| id.to_string()).unwrap_or_default(),
        FieldValue::Direction(d) => direction(d, nl).to_string(),
        FieldValue::Frequency(f) => frequency(f, nl).to_string(),
        FieldValue::ValueType(v) => value_type(v, nl).to_string(),
        FieldValue::Agreements(list) => list
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A norm number as the language writes it (`92.5`, `92,5`); empty when not set.
fn number(n: Option<f64>, nl: bool) -> String {
    let lang = if nl {
        crate::model::Lang::Nl
    } else {
        crate::model::Lang::En
    };
    n.map(|n| format_number(n, lang)).unwrap_or_default()
}

fn chain_name(model: &Model, chain: &crate::model::Id) -> String {
    model
        .chains
        .get(chain)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// In English a choice is written as its code, in Dutch as a Dutch word.
fn direction(d: Direction, nl: bool) -> &'static str {
    match d {
        _ if !nl => d.code(),
        Direction::Unset => "",
        Direction::Higher => "hoger",
        Direction::Lower => "lager",
        Direction::Band => "bandbreedte",
    }
}

fn frequency(f: Frequency, nl: bool) -> &'static str {
    match f {
        _ if !nl => f.code(),
        Frequency::Unset => "",
        Frequency::Daily => "dagelijks",
        Frequency::Weekly => "wekelijks",
        Frequency::Monthly => "maandelijks",
        Frequency::Quarterly => "per kwartaal",
        Frequency::Yearly => "jaarlijks",
    }
}

fn value_type(v: ValueType, nl: bool) -> &'static str {
    match v {
        _ if !nl => v.code(),
        ValueType::Unset => "",
        ValueType::Customer => "klant",
        ValueType::Internal => "intern",
    }
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>, separator: char) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(separator);
        }
        write_cell(out, &cell, separator);
    }
    out.push_str("\r\n");
}

/// One cell: injection guard, then RFC 4180 quoting.
pub fn write_cell(out: &mut String, cell: &str, separator: char) {
    let guarded = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let needs_quotes = cell.contains([separator, '"', '\r', '\n']);
    if needs_quotes {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::write_cell;

    fn cell(s: &str) -> String {
        let mut out = String::new();
        write_cell(&mut out, s, ',');
        out
    }

    #[test]
    fn quoting_and_guard() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-5%"), "'-5%");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell(""), "");
    }
}
