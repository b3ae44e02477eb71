//! Paste values (a block from Excel or Google Sheets) and values CSV files: every heading form,
//! both decimal forms, every problem kind, ISO weeks, CRLF; the one undo step; the CSV round
//! trip with quoting and BOM.

use kpi_structure::format::{
    export_values_csv, import_values_csv, parse_values_paste, PasteProblemKind, PreviewCell,
    ValuesPaste,
};
use kpi_structure::model::*;

fn kpi(id: &str, name: &str, frequency: Frequency) -> Kpi {
    let mut k = Kpi::new(Id::new(id), name, Attach::Result { goal: Id::new("g") });
    k.frequency = frequency;
    k
}

fn model() -> Model {
    let mut m = Model::default();
    for k in [
        kpi("k1", "Installed on time", Frequency::Monthly),
        kpi("k2", "Customer satisfaction", Frequency::Quarterly),
        kpi("k3", "Supplies complete", Frequency::Weekly),
        kpi("k4", "Calls answered", Frequency::Daily),
        kpi("k5", "Margin", Frequency::Yearly),
        kpi("k6", "Not yet measured", Frequency::Unset),
        kpi("k7", "Twin", Frequency::Monthly),
        kpi("k8", " twin ", Frequency::Monthly),
    ] {
        m.kpis.insert(k.id.clone(), k);
    }
    m
}

fn month(y: i32, m: u32) -> Period {
    Period::Month { y, m }
}

fn cells(p: &ValuesPaste) -> Vec<(&str, String, f64)> {
    p.cells
        .iter()
        .map(|(k, p, v)| (k.as_str(), p.to_string(), *v))
        .collect()
}

fn paste(text: &str) -> ValuesPaste {
    parse_values_paste(text, &model(), Lang::En)
}

#[test]
fn every_month_heading_form_means_the_same_month() {
    for heading in [
        "2026-03",
        "Mar-26",
        "Mar 2026",
        "March 2026",
        "mrt-26",
        "maart 2026",
        "3/1/2026",
        "1-3-2026",
        "2026-03-01",
        "2026-03-17",
        "1-Mar-2026",
        "March 1, 2026",
        "03-2026",
        "2026/03/01",
    ] {
        let p = paste(&format!("KPI\t{heading}\nInstalled on time\t92.5\n"));
        assert_eq!(p.problems, vec![], "{heading}");
        assert_eq!(
            p.cells,
            vec![(Id::new("k1"), month(2026, 3), 92.5)],
            "{heading}"
        );
    }
}

#[test]
fn a_date_heading_gives_each_kpi_its_own_period() {
    let text = "KPI\t1-3-2026\n\
                Installed on time\t1\n\
                Customer satisfaction\t2\n\
                Supplies complete\t3\n\
                Calls answered\t4\n\
                Margin\t5\n";
    let p = paste(text);
    assert_eq!(p.problems, vec![]);
    assert_eq!(
        cells(&p),
        vec![
            ("k1", "2026-03".to_string(), 1.0),
            ("k2", "2026-Q1".to_string(), 2.0),
            // 1 March 2026 is a Sunday: the last day of ISO week 9.
            ("k3", "2026-W09".to_string(), 3.0),
            ("k4", "2026-03-01".to_string(), 4.0),
            ("k5", "2026".to_string(), 5.0),
        ]
    );
}

#[test]
fn period_headings_of_each_kind_and_iso_weeks_across_new_year() {
    let p = paste(
        "KPI\t2026-Q1\t2026-Q2\nCustomer satisfaction\t8.1\t8.4\n\
         \t\t\n",
    );
    assert_eq!(
        cells(&p),
        vec![
            ("k2", "2026-Q1".to_string(), 8.1),
            ("k2", "2026-Q2".to_string(), 8.4)
        ]
    );
    // 2020-12-31 lies in ISO week 53 of 2020; 2021-01-04 starts week 1 of 2021.
    let p = paste("KPI\t2020-W53\t2021-W01\t31-12-2020\t2021-01-03\nSupplies complete\t1\t2\t\t\n");
    assert_eq!(
        cells(&p),
        vec![
            ("k3", "2020-W53".to_string(), 1.0),
            ("k3", "2021-W01".to_string(), 2.0)
        ]
    );
    let p = paste("KPI\t31-12-2020\t2021-01-03\nSupplies complete\t1\t2\n");
    assert_eq!(cells(&p), vec![("k3", "2020-W53".to_string(), 1.0)]);
    assert_eq!(
        p.problems[0].kind,
        PasteProblemKind::SamePeriod("Supplies complete".into(), Period::Week { y: 2020, w: 53 })
    );
    let p = paste("KPI\t2026\t2027\nMargin\t12\t13\n");
    assert_eq!(cells(&p).len(), 2);
}

#[test]
fn both_decimal_forms_crlf_quotes_and_blank_lines() {
    let text = "KPI\tJan-26\tFeb-26\r\n\
                Installed on time\t92,5\t93.5\r\n\
                \"Twin\t\"\t\t\r\n\
                \r\n\r\n";
    let p = paste(text);
    assert_eq!(p.problems, vec![]);
    assert_eq!(
        cells(&p),
        vec![
            ("k1", "2026-01".to_string(), 92.5),
            ("k1", "2026-02".to_string(), 93.5)
        ]
    );
    // Names match whatever their case and spaces; Sheets quotes a name with a tab in it.
    let p = paste("KPI\t2026-01\n\"INSTALLED  on time\"\t95%\n");
    assert_eq!(cells(&p), vec![("k1", "2026-01".to_string(), 95.0)]);
    let p = paste("KPI\t2026-01\t2026-02\nInstalled on time\t1,234.5\t1.234,5\n");
    assert_eq!(
        p.cells.iter().map(|c| c.2).collect::<Vec<_>>(),
        [1234.5, 1234.5]
    );
}

#[test]
fn an_ambiguous_number_follows_the_ui_language() {
    let text = "KPI\t2026-01\nInstalled on time\t1,234\n";
    assert_eq!(
        parse_values_paste(text, &model(), Lang::En).cells[0].2,
        1234.0
    );
    assert_eq!(
        parse_values_paste(text, &model(), Lang::Nl).cells[0].2,
        1.234
    );
}

#[test]
fn every_problem_names_its_cell_and_quotes_its_text() {
    let text = "KPI\t2026-01\tsoon\t2026-Q1\t\t2026-02\n\
                Installed on time\t90\t5\t6\t7\tn/a\n\
                Installed late\t1\n\
                Twin\t1\n\
                Not yet measured\t1\n\
                Installed on time\t2\n";
    let p = paste(text);
    let got: Vec<(usize, Option<usize>, PasteProblemKind)> = p
        .problems
        .iter()
        .map(|p| (p.row, p.column, p.kind.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, Some(3), PasteProblemKind::UnknownPeriod("soon".into())),
            (
                2,
                Some(4),
                PasteProblemKind::WrongKind(
                    "2026-Q1".into(),
                    "Installed on time".into(),
                    PeriodKind::Month
                )
            ),
            (2, Some(5), PasteProblemKind::NoHeading("7".into())),
            (2, Some(6), PasteProblemKind::NotANumber("n/a".into())),
            (
                3,
                Some(1),
                PasteProblemKind::UnknownKpi("Installed late".into())
            ),
            (4, Some(1), PasteProblemKind::AmbiguousKpi("Twin".into(), 2)),
            (
                5,
                None,
                PasteProblemKind::NoFrequency("Not yet measured".into())
            ),
            (
                6,
                Some(2),
                PasteProblemKind::SamePeriod("Installed on time".into(), month(2026, 1))
            ),
        ]
    );
    assert_eq!(cells(&p), vec![("k1", "2026-01".to_string(), 90.0)]);
    // Each message says where and quotes the text, in both languages.
    let en = p.problems[3].message(Lang::En);
    let nl = p.problems[3].message(Lang::Nl);
    assert_eq!(en, "Row 2, column 6: “n/a” is not a number.");
    assert_eq!(nl, "Rij 2, kolom 6: “n/a” is geen getal.");
    for problem in &p.problems {
        assert_ne!(problem.message(Lang::En), problem.message(Lang::Nl));
    }
    assert!(p.problems[1]
        .message(Lang::En)
        .contains("“Installed on time” is measured monthly"));
}

#[test]
fn apply_is_one_batch_of_the_values_that_change() {
    let mut m = model();
    m.kpis
        .get_mut(&Id::new("k1"))
        .unwrap()
        .values
        .set(month(2026, 1), Some(90.0));
    let before = m.clone();
    let p = parse_values_paste(
        "KPI\t2026-01\t2026-02\t2026-03\nInstalled on time\t90\t91\t\nUnknown\t1\t\t\n",
        &m,
        Lang::En,
    );
    assert_eq!(p.cells.len(), 2);
    assert_eq!(
        p.summary(&m, Lang::En),
        "1 value will be set (1 unchanged)."
    );
    assert_eq!(
        p.summary(&m, Lang::Nl),
        "1 waarde wordt ingevuld (1 ongewijzigd)."
    );
    let edit = p.edit(&m).expect("something changes");
    let Edit::Batch(parts) = &edit else {
        panic!("one batch, got {edit:?}");
    };
    assert_eq!(
        parts,
        &vec![Edit::SetValue {
            kpi: Id::new("k1"),
            period: month(2026, 2),
            value: Some(91.0)
        }]
    );
    let inverse = m.apply(edit).unwrap();
    assert_eq!(
        m.kpis[&Id::new("k1")].values.get(&month(2026, 2)),
        Some(91.0)
    );
    m.apply(inverse).unwrap();
    assert_eq!(m, before);
    // Nothing to change: no edit at all.
    let same = parse_values_paste("KPI\t2026-01\nInstalled on time\t90\n", &m, Lang::En);
    assert_eq!(same.edit(&m), None);
    assert_eq!(parse_values_paste("", &m, Lang::En), ValuesPaste::default());
}

fn with_values() -> Model {
    let mut m = model();
    let k1 = m.kpis.get_mut(&Id::new("k1")).unwrap();
    k1.values.set(month(2026, 1), Some(92.5));
    k1.values.set(month(2026, 2), Some(-3.25));
    k1.comments.insert(
        month(2026, 2),
        "Summer, \"holidays\"\r\nand a strike".into(),
    );
    k1.comments.insert(month(2026, 3), "=not a formula".into());
    let k2 = m.kpis.get_mut(&Id::new("k2")).unwrap();
    k2.values.set(Period::Quarter { y: 2025, q: 4 }, Some(8.0));
    k2.name = "Customer satisfaction, overall".into();
    m
}

fn strip(mut m: Model) -> Model {
    for k in m.kpis.values_mut() {
        k.values = Series::default();
        k.comments.clear();
    }
    m
}

#[test]
fn values_csv_round_trips_values_and_comments() {
    let m = with_values();
    let csv = export_values_csv(&m);
    assert!(
        csv.starts_with("\u{feff}kpi_id,kpi,chain,link,period,value,comment\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("k1,Installed on time,,,2026-01,92.5,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "k1,Installed on time,,,2026-02,-3.25,\"Summer, \"\"holidays\"\"\r\nand a strike\"\r\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("k1,Installed on time,,,2026-03,,'=not a formula\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("k2,\"Customer satisfaction, overall\",,,2025-Q4,8,\r\n"),
        "{csv}"
    );
    let mut empty = strip(m.clone());
    let read = import_values_csv(&csv, &empty);
    assert_eq!(read.problems, vec![]);
    let edit = read.edit(&empty).unwrap();
    empty.apply(edit).unwrap();
    assert_eq!(empty, m);
    // Read back into the same model: nothing changes.
    assert_eq!(import_values_csv(&csv, &m).edit(&m), None);
}

#[test]
fn values_csv_matches_by_id_then_by_name_and_reads_dutch_excel() {
    let m = model();
    // Dutch Excel: `;` between cells, `,` in numbers, no BOM; an unknown id falls back to
    // the name; dates as periods.
    let csv = "kpi_id;kpi;period;value;comment\r\n\
               x9;Installed on time;1-3-2026;92,5;\r\n\
               k2;whatever;2026-Q1;8,1;goed\r\n\
               ;Nobody;2026-01;1;\r\n\
               k1;;2026-13;1;\r\n\
               k1;;2026-02;veel;\r\n";
    let read = import_values_csv(csv, &m);
    assert_eq!(
        cells(&read),
        vec![
            ("k1", "2026-03".to_string(), 92.5),
            ("k2", "2026-Q1".to_string(), 8.1)
        ]
    );
    assert_eq!(read.comments.len(), 1);
    let kinds: Vec<PasteProblemKind> = read.problems.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            PasteProblemKind::UnknownKpi("Nobody".into()),
            PasteProblemKind::UnknownPeriod("2026-13".into()),
            PasteProblemKind::NotANumber("veel".into()),
        ]
    );
    let missing = import_values_csv("kpi,value\nInstalled on time,1\n", &m);
    assert_eq!(
        missing.problems[0].kind,
        PasteProblemKind::MissingColumn("period")
    );
    assert_eq!(
        missing.problems[0].message(Lang::En),
        "Row 1: The file has no column “period”."
    );
}

/// The preview grid (issue 23): a row per KPI, a column per period oldest first, old -> new,
/// overwrites known by their old value, unchanged cells left out, the rest counted.
#[test]
fn the_preview_is_a_grid_of_old_and_new_values() {
    let mut m = model();
    m.kpis
        .get_mut(&Id::new("k1"))
        .expect("k1")
        .values
        .set(month(2026, 3), Some(80.0));
    m.kpis
        .get_mut(&Id::new("k1"))
        .expect("k1")
        .values
        .set(month(2026, 4), Some(90.0));
    let text = "KPI\t2026-04\t2026-03\t2026-05\nInstalled on time\t90\t85\t\nMargin\t\t\t\nCalls answered\t1\t\t2";
    let p = parse_values_paste(text, &m, Lang::En);
    let grid = p.preview(&m, 10);
    assert_eq!(grid.periods, vec![month(2026, 3)]);
    assert_eq!(grid.rows.len(), 1);
    let (id, name, row) = &grid.rows[0];
    assert_eq!((id.as_str(), name.as_str()), ("k1", "Installed on time"));
    // 2026-03: 80 -> 85 overwrites; 2026-04 is unchanged (90) and left out.
    assert_eq!(
        row,
        &vec![Some(PreviewCell {
            old: Some(80.0),
            new: 85.0
        })]
    );
    // A new value has no old one; rows beyond the limit are counted.
    let text = "KPI\t2026-03\t2026-05\nInstalled on time\t85\t70\nTwin\t1\t2";
    let m2 = {
        let mut m2 = m.clone();
        m2.kpis.shift_remove(&Id::new("k8"));
        m2
    };
    let p = parse_values_paste(text, &m2, Lang::En);
    let grid = p.preview(&m2, 1);
    assert_eq!(grid.periods, vec![month(2026, 3), month(2026, 5)]);
    assert_eq!(
        grid.rows[0].2[1],
        Some(PreviewCell {
            old: None,
            new: 70.0
        })
    );
    assert_eq!(grid.more, 1);
}
