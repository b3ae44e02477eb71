//! The KPIs table's column chooser: defaults, the remembered code, widths.

use kpi_structure::present::kpi_columns::{Column, Columns};

fn sum(c: Columns) -> f64 {
    let (n, v, s) = c.fixed_share();
    n + v + s + Column::ALL.into_iter().map(|col| c.share(col)).sum::<f64>()
}

#[test]
fn the_default_shows_fewer_wider_columns() {
    let d = Columns::default();
    for col in [
        Column::Unit,
        Column::Direction,
        Column::Frequency,
        Column::Drives,
    ] {
        assert!(!d.shows(col), "{col:?} hidden by default");
    }
    for col in [
        Column::Level,
        Column::Chain,
        Column::Owner,
        Column::Norm,
        Column::Defined,
        Column::Trend,
    ] {
        assert!(d.shows(col), "{col:?} shown by default");
    }
    // Hiding columns widens the name, value and status.
    assert!(d.fixed_share().0 > Columns::all().fixed_share().0);
    assert!(d.fixed_share().1 > Columns::all().fixed_share().1);
}

#[test]
fn shares_of_the_shown_columns_add_up_to_the_whole_table() {
    // Every one of the 2^11 choices.
    for bits in 0u32..(1 << Column::ALL.len()) {
        let c = Column::ALL
            .into_iter()
            .enumerate()
            .fold(Columns::from_code(""), |c, (i, col)| {
                c.with(col, bits & (1 << i) != 0)
            });
        assert!((sum(c) - 100.0).abs() < 1e-9, "{bits:b}: {}", sum(c));
        for col in Column::ALL {
            assert_eq!(c.share(col) == 0.0, !c.shows(col));
        }
    }
}

#[test]
fn the_choice_is_remembered_as_a_code_and_read_back() {
    let c = Columns::default()
        .with(Column::Unit, true)
        .with(Column::Trend, false);
    assert_eq!(Columns::from_code(&c.code()), c);
    assert_eq!(Columns::from_code(""), Columns::from_code("nothing-known"));
    // A column a later version adds, or stray spaces, do not spoil the rest.
    let read = Columns::from_code("level, colour ,unit");
    assert!(read.shows(Column::Level) && read.shows(Column::Unit) && !read.shows(Column::Chain));
}

#[test]
fn the_table_class_names_each_hidden_column() {
    assert_eq!(Columns::all().table_class(), "kpi-table");
    let c = Columns::all()
        .with(Column::Unit, false)
        .with(Column::Norm, false);
    assert_eq!(c.table_class(), "kpi-table hide-unit hide-target");
}

#[test]
fn names_are_in_both_languages() {
    use kpi_structure::model::Lang;
    assert_eq!(Column::Norm.name(Lang::En), "Target");
    assert_eq!(Column::Norm.name(Lang::Nl), "Norm");
    assert_eq!(Column::Defined.name(Lang::Nl), "Gedefinieerd");
}
