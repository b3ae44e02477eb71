//! The inspector's forms follow from the field tables: every field of every kind has a
//! control, once, in table order (the model's name excepted: the top bar edits it), and a form
//! value set through the table's `set` is read back through its `get`.

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::model::fields::*;
use kpi_structure::model::*;
use kpi_structure::present::form::*;

fn keys<T: Element>(form: &Form<T>) -> Vec<&'static str> {
    form.rows.iter().flatten().map(|f| f.key).collect()
}

fn table_keys<T: Element>(table: &[Field<T>]) -> Vec<&'static str> {
    table.iter().map(|f| f.key).collect()
}

#[test]
fn every_field_of_every_kind_has_one_control_in_table_order() {
    assert_eq!(keys(&kpi_form()), table_keys(KPI_FIELDS));
    assert_eq!(keys(&chain_form()), table_keys(CHAIN_FIELDS));
    // A link's handover text is in the handover's form, the rest in the link's.
    let mut link = keys(&link_form());
    link.extend(keys(&handover_form()));
    link.sort();
    let mut table = table_keys(LINK_FIELDS);
    table.sort();
    assert_eq!(link, table);
    assert_eq!(keys(&handover_form()), ["handover"]);
    assert_eq!(keys(&goal_form()), table_keys(GOAL_FIELDS));
    assert_eq!(keys(&department_form()), table_keys(DEPARTMENT_FIELDS));
    let mut model = table_keys(MODEL_FIELDS);
    model.retain(|k| *k != "name");
    assert_eq!(keys(&model_form()), model);
}

#[test]
fn the_kpi_form_puts_the_norm_numbers_in_rows_shown_by_direction() {
    let rows: Vec<Vec<&str>> = kpi_form()
        .rows
        .iter()
        .map(|r| r.iter().map(|f| f.key).collect())
        .collect();
    assert!(rows.contains(&vec!["unit", "direction"]));
    assert!(rows.contains(&vec!["target", "red"]));
    assert!(rows.contains(&vec!["low", "high", "tolerance"]));
    assert_eq!(kpi_row_when("target"), When::NotBand);
    assert_eq!(kpi_row_when("low"), When::Band);
    assert_eq!(kpi_row_when("name"), When::Always);
    assert!(kpi_form().hint("definition").is_some());
    assert!(chain_form().hint("trigger").is_some());
}

/// Each KPI field: what a form gives (`set`) is what it reads back (`get`), through the edit.
#[test]
fn a_kpi_field_set_from_a_form_reads_back() {
    let mut m = Model::default();
    let id = Id::new("k1");
    let at = Attach::Result {
        goal: Id::new("g1"),
    };
    m.kpis.insert(id.clone(), Kpi::new(id.clone(), "Kept", at));
    for f in KPI_FIELDS {
        let input = match f.kind {
            FieldKind::Text | FieldKind::LongText => FieldInput::Text(format!("{} text", f.key)),
            FieldKind::Number => FieldInput::Number(Some(42.5)),
            FieldKind::Flag => FieldInput::Flag(true),
            FieldKind::Reference => FieldInput::Reference(Some(Id::new("d1"))),
            FieldKind::List => FieldInput::Agreements(vec![Agreement::default()]),
            FieldKind::Choice => {
                let options = choice_options((f.get)(&m.kpis[&id]));
                assert!(options.len() > 1, "{} has options", f.key);
                FieldInput::Code(options[1].0.clone())
            }
        };
        let field = (f.set)(input.clone()).expect(f.key);
        m.apply(Edit::SetKpi {
            id: id.clone(),
            field,
        })
        .unwrap();
        assert_eq!((f.get)(&m.kpis[&id]).to_input(), input, "{}", f.key);
        // A value of another kind is refused, not misapplied.
        let other = match f.kind {
            FieldKind::Number => FieldInput::Flag(true),
            _ => FieldInput::Number(Some(1.0)),
        };
        assert!((f.set)(other).is_none(), "{}", f.key);
    }
}
