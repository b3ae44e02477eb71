//! CSV export: BOM, CRLF, header, quoting, formula-injection guard, Dutch variant.

use kpi_structure::format::{export_csv, export_csv_with, import_json, Lang};
use kpi_structure::model::Model;

fn model() -> Model {
    let text = r#"{
      "type": "kpi-structure", "version": 2,
      "model": {
        "id": "m1", "name": "Coffee",
        "goals": [{"id": "g1", "name": "Customer satisfaction"}],
        "departments": [{"id": "d1", "name": "Planning"}],
        "chains": [{"id": "c1", "name": "New coffee machine",
          "links": [{"id": "l1", "name": "", "department": "d1"}]}],
        "kpis": [
          {"id": "k3", "name": "Plan, \"firm\"", "at": {"level": "link", "chain": "c1", "link": "l1"},
           "definition": "Line one\nline two", "target": -5, "norm_description": "-5%", "drives": ["k2"]},
          {"id": "k2", "name": "On time", "at": {"level": "chain", "chain": "c1"},
           "direction": "higher", "frequency": "quarterly", "value_type": "customer",
           "formula": "=SUM(A1:A9)", "owner": "@owner", "drives": ["k1"]},
          {"id": "k1", "name": "Satisfaction", "at": {"level": "result", "goal": "g1"},
           "unit": "mark", "direction": "higher", "target": 9, "red": 7.5, "norm_description": "+8", "data_source": "Survey"}
        ]
      }
    }"#;
    import_json(text).unwrap().model
}

#[test]
fn english_csv() {
    let csv = export_csv(&model());
    let expected = concat!(
        "\u{feff}level,goal,chain,link,name,definition,formula,unit,direction,target,red,low,high,tolerance,norm,norm note,frequency,owner,data source,value type,drives\r\n",
        "result,Customer satisfaction,,,Satisfaction,,,mark,higher,9,7.5,,,,≥ 9 (red < 7.5),'+8,,,Survey,,\r\n",
        "chain,,New coffee machine,,On time,,'=SUM(A1:A9),,higher,,,,,,no norm,,quarterly,'@owner,,customer,Satisfaction\r\n",
        "link,,New coffee machine,Planning,\"Plan, \"\"firm\"\"\",\"Line one\nline two\",,,,'-5,,,,,no norm,'-5%,,,,,On time\r\n",
    );
    assert_eq!(csv, expected);
}

#[test]
fn dutch_csv_with_semicolons() {
    let csv = export_csv_with(&model(), Lang::Nl, ';');
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}niveau;doel;keten;schakel;naam;definitie;formule;eenheid;richting;norm;rode grens;ondergrens;bovengrens;marge;normtekst;normnotitie;frequentie;eigenaar;gegevensbron;soort waarde;stuurt"
    );
    assert_eq!(
        lines.next().unwrap(),
        "resultaat;Customer satisfaction;;;Satisfaction;;;mark;hoger;9;7,5;;;;≥ 9 (rood < 7,5);'+8;;;Survey;;"
    );
    assert!(lines
        .next()
        .unwrap()
        .contains(";hoger;;;;;;geen norm;;per kwartaal;'@owner;;klant;Satisfaction"));
    // A comma is not special with ';' as separator; the quote still is.
    assert!(lines.next().unwrap().contains(";\"Plan, \"\"firm\"\"\";"));
}

#[test]
fn empty_model_is_header_only() {
    let csv = export_csv(&Model::default());
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.matches("\r\n").count(), 1);
    assert!(csv.ends_with("drives\r\n"));
}

#[test]
fn drives_joined_with_semicolons() {
    let mut m = model();
    let ids: Vec<_> = m.kpis.keys().cloned().collect();
    m.kpis[0].drives = vec![ids[1].clone(), ids[2].clone()];
    let csv = export_csv(&m);
    assert!(csv.contains(",On time; Satisfaction\r\n"), "{csv}");
}

#[test]
fn a_column_per_kpi_field() {
    use kpi_structure::model::fields::KPI_FIELDS;
    let csv = export_csv(&model());
    let header: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    // Each field by its key; the norm description, the note, after the norm as views show it.
    let fields: Vec<String> = KPI_FIELDS
        .iter()
        .flat_map(|f| match f.key {
            "norm_description" => vec!["norm".to_string(), "norm note".to_string()],
            key => vec![key.replace('_', " ")],
        })
        .collect();
    assert_eq!(header[4..header.len() - 1], fields);
    assert_eq!(header.len(), 4 + KPI_FIELDS.len() + 2);
}
