//! The norm a view shows is derived from Direction and Target / Red threshold / band, in
//! English and Dutch; the free text of "Norm description" (also what a version-1 file
//! brought) is shown as a note ("Note: …"), never as the norm. After the target changes, every
//! place that shows the norm (KPIs table row, print, meeting pack, CSV) shows the new number
//! and the note stays as it was.

use kpi_structure::format::{export_csv, export_csv_with};
use kpi_structure::model::*;
use kpi_structure::present::kpi_table::row_data;
use kpi_structure::present::meeting::meeting_pack_html;
use kpi_structure::present::print::{norm_html, print_html};

mod support;
use support::{kpi_named, template};

const AS_OF: Month = (2026, 11);

fn shown(n: Norm) -> (String, String) {
    (
        shown_norm(Some(&n), Lang::En),
        shown_norm(Some(&n), Lang::Nl),
    )
}

/// A chain KPI without a norm or a description.
fn kpi() -> Kpi {
    let chain = Id::new("c");
    Kpi::new(Id::new("k"), "K", Attach::Chain { chain })
}

fn pair(en: &str, nl: &str) -> (String, String) {
    (en.to_string(), nl.to_string())
}

#[test]
fn higher_and_lower_in_both_languages() {
    let higher = |target, red| Norm::Higher { target, red };
    let lower = |target, red| Norm::Lower { target, red };
    for (norm, en, nl) in [
        (higher(95.0, 90.0), "≥ 95 (red < 90)", "≥ 95 (rood < 90)"),
        (higher(9.0, 8.5), "≥ 9 (red < 8.5)", "≥ 9 (rood < 8,5)"),
        // No at-risk zone: red equals the target.
        (higher(95.0, 95.0), "≥ 95 (red < 95)", "≥ 95 (rood < 95)"),
        (lower(3.0, 5.5), "≤ 3 (red > 5.5)", "≤ 3 (rood > 5,5)"),
        (lower(-2.0, 0.0), "≤ -2 (red > 0)", "≤ -2 (rood > 0)"),
    ] {
        assert_eq!(shown(norm), pair(en, nl));
    }
}

#[test]
fn band_shapes_in_both_languages() {
    let band = |low, high, tolerance| Norm::Band {
        low,
        high,
        tolerance,
    };
    assert_eq!(shown(band(10.0, 15.0, 2.0)), pair("10–15 ± 2", "10–15 ± 2"));
    assert_eq!(
        shown(band(10.5, 15.0, 0.5)),
        pair("10.5–15 ± 0.5", "10,5–15 ± 0,5")
    );
    // Tolerance zero: no at-risk zone, so no "± 0".
    assert_eq!(shown(band(10.0, 15.0, 0.0)), pair("10–15", "10–15"));
    // One value: low equals high.
    assert_eq!(shown(band(7.0, 7.0, 1.5)), pair("7 ± 1.5", "7 ± 1,5"));
    assert_eq!(shown(band(7.0, 7.0, 0.0)), pair("7", "7"));
    // A negative bound: the range is spaced so the minus sign is not read as the dash.
    assert_eq!(
        shown(band(-5.0, 5.0, 1.0)),
        pair("-5 – 5 ± 1", "-5 – 5 ± 1")
    );
}

#[test]
fn no_norm_while_incomplete() {
    assert_eq!(shown_norm(None, Lang::En), "no norm");
    assert_eq!(shown_norm(None, Lang::Nl), "geen norm");
    let mut k = kpi();
    k.target = Some(97.0);
    k.norm_description = "95% · amber 90 - 95% · red below 90%".into();
    // Direction unset: no norm, whatever the numbers and the text say.
    assert_eq!(shown_norm(k.norm().as_ref(), Lang::En), "no norm");
    k.direction = Direction::Higher;
    // The red threshold is missing.
    assert_eq!(shown_norm(k.norm().as_ref(), Lang::Nl), "geen norm");
    k.red = Some(90.0);
    assert_eq!(shown_norm(k.norm().as_ref(), Lang::En), "≥ 97 (red < 90)");
    k.direction = Direction::Band;
    assert_eq!(shown_norm(k.norm().as_ref(), Lang::En), "no norm");
}

#[test]
fn the_description_is_a_note() {
    assert_eq!(norm_note("9+", Lang::En).as_deref(), Some("Note: 9+"));
    assert_eq!(
        norm_note("  9+ \n", Lang::Nl).as_deref(),
        Some("Notitie: 9+")
    );
    assert_eq!(norm_note("", Lang::En), None);
    assert_eq!(norm_note(" \n ", Lang::Nl), None);
    let mut k = kpi();
    k.norm_description = "high <b>".into();
    assert_eq!(
        norm_html(&k, Lang::En),
        "no norm<br><small class=\"norm-note\">Note: high &lt;b&gt;</small>"
    );
    k.norm_description.clear();
    k.direction = Direction::Lower;
    k.target = Some(3.0);
    k.red = Some(5.0);
    assert_eq!(norm_html(&k, Lang::Nl), "≤ 3 (rood &gt; 5)");
}

/// Every occurrence of `stale` in `text` is inside a note (`<label> <stale>`).
fn only_as_note(text: &str, stale: &str, label: &str) -> bool {
    let noted = format!("{label} {stale}");
    text.matches(stale).count() == text.matches(noted.as_str()).count()
}

/// Target 95 → 97 of a template KPI: the norm shown follows, the note stays.
fn target_changed(file: &str, name: &str, lang: Lang, old_text: &str) {
    let mut m = template(file);
    let id = kpi_named(&m, name);
    assert_eq!(m.kpis[&id].norm_description, old_text);
    let before = shown_norm(m.kpis[&id].norm().as_ref(), lang);
    let today = Date::new(2026, 12, 4).unwrap();
    let htmls = |m: &Model| {
        [
            print_html(m, lang, AS_OF),
            meeting_pack_html(m, AS_OF, today, lang),
        ]
    };
    let old_htmls = htmls(&m);
    // Untouched, the template's text only restates the norm: no note beside it.
    assert!(restates_norm(&m.kpis[&id]));
    assert_eq!(note_of(&m.kpis[&id]), "");
    assert_eq!(row_data(&m, &id).unwrap().note, "");
    assert!(!old_htmls.iter().any(|h| h.contains(old_text)));
    m.apply(Edit::SetKpi {
        id: id.clone(),
        field: KpiField::Target(Some(97.0)),
    })
    .unwrap();
    let k = &m.kpis[&id];
    let (red, label) = match lang {
        Lang::En => ("red", "Note:"),
        Lang::Nl => ("rood", "Notitie:"),
    };
    assert_eq!(before, format!("≥ 95 ({red} < 90)"));
    let now = format!("≥ 97 ({red} < 90)");
    assert_eq!(shown_norm(k.norm().as_ref(), lang), now);
    assert_eq!(k.norm_description, old_text, "the note is unchanged");
    // Now it says something the numbers do not: a note.
    assert!(!restates_norm(k));
    assert_eq!(
        norm_note(note_of(k), lang),
        Some(format!("{label} {old_text}"))
    );

    // The KPIs table's row.
    let row = row_data(&m, &id).unwrap();
    assert_eq!(shown_norm(row.norm.as_ref(), lang), now);
    assert_eq!(row.note, old_text);

    // Print and the meeting pack: the new norm where the old one was (other KPIs of the
    // template keep ≥ 95), the old text only as a note.
    let (now_html, before_html) = (now.replace('<', "&lt;"), before.replace('<', "&lt;"));
    let cell = format!("{now_html}<br><small class=\"norm-note\">{label} {old_text}</small>");
    for (old, html) in old_htmls.iter().zip(htmls(&m)) {
        assert!(html.contains(&cell), "{cell}");
        assert!(!old.contains(&now_html));
        assert_eq!(
            html.matches(&before_html).count() + html.matches(&cell).count(),
            old.matches(&before_html).count()
        );
        assert!(only_as_note(&html, old_text, label));
    }

    // CSV: the derived norm, then the text in the "norm note" column.
    let csv = match lang {
        Lang::En => export_csv(&m),
        Lang::Nl => export_csv_with(&m, Lang::Nl, ';'),
    };
    let sep = if lang == Lang::En { ',' } else { ';' };
    let line = csv.lines().find(|l| l.contains(name)).unwrap();
    assert!(
        line.contains(&format!(
            "{sep}97{sep}90{sep}{sep}{sep}{sep}{now}{sep}{old_text}{sep}"
        )),
        "{line}"
    );
}

#[test]
fn after_the_target_changes_the_norm_follows_and_the_note_stays() {
    target_changed(
        "coffee-machines.en.kpi.json",
        "Machines installed on time",
        Lang::En,
        "95% · amber 90 - 95% · red below 90%",
    );
    target_changed(
        "coffee-machines.nl.kpi.json",
        "Machines op tijd geïnstalleerd",
        Lang::Nl,
        "95% · amber 90 - 95% · red onder 90%",
    );
}

#[test]
fn a_note_that_only_restates_the_norm_is_left_out() {
    let mut k = kpi();
    k.direction = Direction::Higher;
    k.target = Some(9.0);
    k.red = Some(8.5);
    for (text, restates) in [
        // What the v1 -> v2 migration writes, in English and Dutch texts.
        ("9+ · amber 8.5 - 9 · red below 8.5", true),
        ("9+ · amber 8,5 - 9 · red onder 8,5", true),
        ("minimaal 9 · red lager dan 8,5", true),
        // Different numbers, the client's own words, or not the joined form.
        ("9+ · amber 8 - 9", false),
        ("95% · amber 90 - 95% · red below 90%", false),
        ("9+", false),
        ("Survey score of 9 or more", false),
        ("9+ · 8.5", false),
        ("9+ · red below 8.5 · red below 8.5", false),
        ("", false),
    ] {
        k.norm_description = text.into();
        assert_eq!(restates_norm(&k), restates, "{text}");
        assert_eq!(note_of(&k), if restates { "" } else { text }, "{text}");
    }
    // Without a norm, nothing is restated: the text is the note.
    k.norm_description = "9+ · amber 8.5 - 9 · red below 8.5".into();
    k.red = None;
    assert!(!restates_norm(&k));
    assert_eq!(note_of(&k), k.norm_description);
    // A band.
    let mut b = kpi();
    b.direction = Direction::Band;
    (b.low, b.high, b.tolerance) = (Some(90.0), Some(95.0), Some(5.0));
    b.norm_description = "90 - 95% · red below 85% or above 100%".into();
    assert!(restates_norm(&b));
    b.tolerance = Some(4.0);
    assert!(!restates_norm(&b));
}

#[test]
fn the_templates_show_no_note_until_a_number_changes() {
    // Every shipped template's norm text (what its version-1 file said) restates its numbers.
    let dir = format!("{}/public/templates", env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if !file.ends_with(".kpi.json") {
            continue;
        }
        files += 1;
        let m = template(&file);
        let shown: Vec<&str> = m
            .kpis
            .values()
            .map(note_of)
            .filter(|n| !n.is_empty())
            .collect();
        assert!(shown.is_empty(), "{file}: {shown:?}");
    }
    assert_eq!(files, 8);
}
