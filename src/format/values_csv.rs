//! Values in a CSV file: one row per KPI and period that has a value or a comment.
//!
//! Written as `docs/FORMAT.md` ("Values CSV") says: columns `kpi_id,kpi,chain,link,period,value,comment`
//! (`chain` and `link` name where the KPI hangs, for the reader of the file; import ignores them),
//! RFC 4180, UTF-8 with a BOM, CRLF line ends, numbers with `.`, periods as the contract
//! writes them. Read back with the same rules as a paste ([`super::values_paste`]), into a
//! [`ValuesPaste`] for the same preview.

use std::collections::BTreeSet;

use super::csv::{place, write_cell};
use super::delimited::{csv_separator, records};
use super::value_text::{read_heading, read_number};
use super::values_paste::{Collector, KpiIndex, PasteProblemKind, ValuesPaste};
use crate::model::{format_number, Lang, Model, Period};

/// The columns of a values file, in order.
/// `chain` and `link` are informative (where the KPI hangs); import finds KPIs by id or name.
pub const VALUES_CSV_COLUMNS: [&str; 7] = [
    "kpi_id", "kpi", "chain", "link", "period", "value", "comment",
];

/// Every value and comment of the model, KPIs in model order, periods oldest first.
pub fn export_values_csv(model: &Model) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&VALUES_CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for kpi in model.kpis.values() {
        let (_, chain, link) = place(model, kpi, Lang::En);
        let periods: BTreeSet<Period> = kpi
            .values
            .iter()
            .map(|(p, _)| *p)
            .chain(kpi.comments.keys().copied())
            .collect();
        for period in periods {
            write_cell(&mut out, kpi.id.as_str(), ',');
            out.push(',');
            write_cell(&mut out, &kpi.name, ',');
            out.push(',');
            write_cell(&mut out, &chain, ',');
            out.push(',');
            write_cell(&mut out, &link, ',');
            out.push(',');
            out.push_str(&period.to_string());
            out.push(',');
            if let Some(v) = kpi.values.get(&period) {
                out.push_str(&format_number(v, Lang::En));
            }
            out.push(',');
            if let Some(c) = kpi.comments.get(&period) {
                write_cell(&mut out, c, ',');
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// A cell without the `'` that [`write_cell`] puts before text a spreadsheet would run as a
/// formula (`'=x` reads as `=x`).
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

/// Reads a values file into the open model's terms. Separated by `,` (numbers with `.`),
/// or by `;` as Excel writes it in Dutch (numbers with `,`); KPIs found by `kpi_id`, else by
/// name; periods and numbers read as in a paste; an empty value or comment is skipped.
pub fn import_values_csv(text: &str, model: &Model) -> ValuesPaste {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = csv_separator(text);
    let lang = if separator == ';' { Lang::Nl } else { Lang::En };
    let rows = records(text, separator);
    let mut c = Collector::default();
    let Some((header, body)) = rows.split_first() else {
        return c.out;
    };
    let id_col = column(header, &["kpi_id", "id"]);
    let name_col = column(header, &["kpi", "name", "naam"]);
    let period_col = column(header, &["period", "periode"]);
    let value_col = column(header, &["value", "waarde"]);
    let comment_col = column(header, &["comment", "opmerking"]);
    let Some(period_col) = period_col else {
        c.problem(1, None, PasteProblemKind::MissingColumn("period"));
        return c.out;
    };
    if id_col.is_none() && name_col.is_none() {
        c.problem(1, None, PasteProblemKind::MissingColumn("kpi"));
        return c.out;
    }
    let kpis = KpiIndex::new(model);
    for (r, row) in body.iter().enumerate() {
        let row_no = r + 2;
        let cell = |col: Option<usize>| {
            col.and_then(|i| row.get(i))
                .map(|t| unguard(t.trim()))
                .unwrap_or("")
        };
        let (value, comment) = (cell(value_col), cell(comment_col));
        if value.is_empty() && comment.is_empty() {
            continue;
        }
        let kpi = match kpis.find(cell(id_col), cell(name_col)) {
            Ok(kpi) => kpi,
            Err(kind) => {
                c.problem(row_no, name_col.or(id_col).map(|i| i + 1), kind);
                continue;
            }
        };
        let period_text = cell(Some(period_col));
        let Some(heading) = read_heading(period_text) else {
            let kind = PasteProblemKind::UnknownPeriod(period_text.to_string());
            c.problem(row_no, Some(period_col + 1), kind);
            continue;
        };
        let Some(period) = c.period(kpi, heading, period_text, (row_no, period_col + 1)) else {
            continue;
        };
        if let Some(i) = value_col.filter(|_| !value.is_empty()) {
            match read_number(value, lang) {
                Some(v) => c.value(kpi, period, v, (row_no, i + 1)),
                None => {
                    let kind = PasteProblemKind::NotANumber(value.to_string());
                    c.problem(row_no, Some(i + 1), kind);
                }
            }
        }
        if let Some(i) = comment_col.filter(|_| !comment.is_empty()) {
            // The comment as written, only the guard taken off (not trimmed).
            let raw = row.get(i).map(|t| unguard(t)).unwrap_or("");
            c.comment(kpi, period, raw.to_string(), (row_no, i + 1));
        }
    }
    c.out
}
