//! A KPI's definition completeness: which of its eight items are filled, each on its own, a
//! blank text as missing, the words in English and Dutch, and a model's count of fully
//! defined KPIs (also as read through a `Reader`, with the topics it reads).

use kpi_structure::model::completeness::{
    completeness, model_completeness, read_model_completeness, Completeness, Item,
    ModelCompleteness,
};
use kpi_structure::model::*;
use proptest::prelude::*;

mod support;
use support::{coffee, kpi_named};

/// A KPI with all eight items filled (higher is better, target and red threshold).
fn full() -> Kpi {
    Kpi {
        id: Id::new("k"),
        name: "Installed on time".into(),
        definition: "Share of machines installed on the promised day".into(),
        formula: "installed on time / installed".into(),
        unit: "%".into(),
        direction: Direction::Higher,
        target: Some(95.0),
        red: Some(90.0),
        frequency: Frequency::Monthly,
        data_source: "Planning system".into(),
        owner: "Service manager".into(),
        ..empty("k")
    }
}

/// A KPI with only an id, a name and a place.
fn empty(id: &str) -> Kpi {
    let at = Attach::Chain {
        chain: Id::new("c"),
    };
    Kpi::new(Id::new(id), "A KPI", at)
}

/// `full()` with `item` left out: a blank text, an unset choice, or no target.
fn without(item: Item, blank: &str) -> Kpi {
    let mut k = full();
    match item {
        Item::Definition => k.definition = blank.into(),
        Item::Formula => k.formula = blank.into(),
        Item::Unit => k.unit = blank.into(),
        // No direction: no norm either (the norm is the direction's numbers).
        Item::Direction => k.direction = Direction::Unset,
        Item::Norm => k.target = None,
        Item::Frequency => k.frequency = Frequency::Unset,
        Item::DataSource => k.data_source = blank.into(),
        Item::Owner => k.owner = blank.into(),
    }
    k
}

#[test]
fn a_full_kpi_scores_eight_of_eight() {
    let c = Completeness::of(&full());
    assert_eq!(c.score(), (8, 8));
    assert!(c.is_complete());
    assert!(c.missing(Lang::En).is_empty());
    assert_eq!(c.score_text(), "8/8");
    assert_eq!(c.missing_text(Lang::En), "Fully defined");
    assert_eq!(c.missing_text(Lang::Nl), "Volledig gedefinieerd");
}

#[test]
fn an_empty_kpi_misses_all_eight() {
    let c = Completeness::of(&empty("k"));
    assert_eq!(c.score(), (0, 8));
    assert_eq!(
        c.missing(Lang::En),
        [
            "definition",
            "formula",
            "unit",
            "direction",
            "norm",
            "frequency",
            "data source",
            "owner"
        ]
    );
    assert_eq!(
        c.missing(Lang::Nl),
        [
            "definitie",
            "formule",
            "eenheid",
            "richting",
            "norm",
            "frequentie",
            "gegevensbron",
            "eigenaar"
        ]
    );
}

#[test]
fn each_item_counts_on_its_own() {
    for item in Item::ALL {
        let c = Completeness::of(&without(item, ""));
        // Without a direction there is no norm either.
        let gone: Vec<Item> = if item == Item::Direction {
            vec![Item::Direction, Item::Norm]
        } else {
            vec![item]
        };
        assert_eq!(c.missing_items().collect::<Vec<_>>(), gone, "{item:?}");
        assert_eq!(c.score(), (8 - gone.len(), 8), "{item:?}");
        assert!(!c.is_complete());
        for other in Item::ALL {
            assert_eq!(c.has(other), !gone.contains(&other), "{item:?}: {other:?}");
        }
    }
}

#[test]
fn a_blank_text_is_missing() {
    let texts = [
        Item::Definition,
        Item::Formula,
        Item::Unit,
        Item::DataSource,
        Item::Owner,
    ];
    for item in texts {
        for blank in [" ", "\t\n", "\u{a0} "] {
            let c = Completeness::of(&without(item, blank));
            assert!(!c.has(item), "{item:?} {blank:?}");
            assert_eq!(c.score(), (7, 8));
        }
        // One visible character fills it.
        assert!(Completeness::of(&without(item, " x ")).has(item));
    }
}

#[test]
fn the_norm_needs_the_numbers_of_its_direction() {
    let mut k = full();
    k.red = None;
    assert!(!Completeness::of(&k).has(Item::Norm));
    // Only a norm description is no norm.
    k.norm_description = "95% · red below 90%".into();
    assert!(!Completeness::of(&k).has(Item::Norm));
    // A band needs low, high and tolerance, whatever target and red say.
    let mut band = full();
    band.direction = Direction::Band;
    assert!(!Completeness::of(&band).has(Item::Norm));
    assert!(Completeness::of(&band).has(Item::Direction));
    band.low = Some(92.0);
    band.high = Some(98.0);
    assert!(!Completeness::of(&band).has(Item::Norm));
    band.tolerance = Some(1.0);
    assert!(Completeness::of(&band).is_complete());
}

#[test]
fn what_is_missing_in_a_sentence() {
    let mut k = full();
    k.formula.clear();
    k.data_source = "  ".into();
    let c = Completeness::of(&k);
    assert_eq!(c.score_text(), "6/8");
    assert_eq!(c.missing_text(Lang::En), "Missing: formula, data source");
    assert_eq!(c.missing_text(Lang::Nl), "Ontbreekt: formule, gegevensbron");
}

#[test]
fn a_model_counts_its_fully_defined_kpis() {
    let mut m = coffee();
    let all = model_completeness(&m);
    assert_eq!(all.kpis, m.kpis.len());
    assert_eq!(all.defined, m.kpis.len(), "the template defines every KPI");
    assert!(all.incomplete.is_empty());

    let id = kpi_named(&m, "Repeat breakdowns");
    for field in [
        KpiField::Formula(String::new()),
        KpiField::DataSource(" ".into()),
    ] {
        m.apply(Edit::SetKpi {
            id: id.clone(),
            field,
        })
        .unwrap();
    }
    let now = model_completeness(&m);
    assert_eq!(now.kpis, 21);
    assert_eq!(now.defined, 20);
    let c = completeness(&m, &id).unwrap();
    assert_eq!(now.incomplete, vec![(id.clone(), c)]);
    assert_eq!(c.score(), (6, 8));
    assert_eq!(now.summary(Lang::En), "20 of 21 KPIs fully defined");
    assert_eq!(
        now.summary(Lang::Nl),
        "20 van 21 KPI's volledig gedefinieerd"
    );
    assert_eq!(completeness(&m, &Id::new("gone")), None);
}

#[test]
fn the_summary_of_few_kpis() {
    let none = ModelCompleteness::default();
    assert_eq!(none.summary(Lang::En), "No KPIs yet");
    assert_eq!(none.summary(Lang::Nl), "Nog geen KPI's");
    let one = ModelCompleteness {
        kpis: 1,
        defined: 0,
        incomplete: vec![(Id::new("k"), Completeness::default())],
    };
    assert_eq!(one.summary(Lang::En), "0 of 1 KPI fully defined");
    assert_eq!(one.summary(Lang::Nl), "0 van 1 KPI volledig gedefinieerd");
}

#[test]
fn read_through_a_reader_it_depends_on_the_kpis_and_their_fields_only() {
    let m = coffee();
    let r = Reader::new(&m);
    let read = read_model_completeness(&r);
    assert_eq!(read, model_completeness(&m));
    let topics = r.into_topics();
    let mut expected = vec![Topic::Kpis];
    expected.extend(m.kpis.keys().map(|k| Topic::Fields(Target::Kpi(k.clone()))));
    assert_eq!(topics, expected);
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        Just("x".to_string())
    ]
}

fn number() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), Just(Some(1.0))]
}

prop_compose! {
    fn kpi()(
        texts in prop::collection::vec(text(), 5),
        direction in prop_oneof![
            Just(Direction::Unset), Just(Direction::Higher), Just(Direction::Lower), Just(Direction::Band)
        ],
        frequency in prop_oneof![Just(Frequency::Unset), Just(Frequency::Weekly), Just(Frequency::Yearly)],
        numbers in prop::collection::vec(number(), 5),
    ) -> Kpi {
        Kpi {
            definition: texts[0].clone(),
            formula: texts[1].clone(),
            unit: texts[2].clone(),
            data_source: texts[3].clone(),
            owner: texts[4].clone(),
            direction,
            frequency,
            target: numbers[0],
            red: numbers[1],
            low: numbers[2],
            high: numbers[3],
            tolerance: numbers[4],
            ..empty("k")
        }
    }
}

proptest! {
    /// The score counts the filled items, the missing ones are the rest, and a model counts
    /// the KPIs with nothing missing.
    #[test]
    fn the_score_and_the_missing_items_add_up(kpis in prop::collection::vec(kpi(), 0..12)) {
        let mut m = Model::default();
        for (n, mut k) in kpis.into_iter().enumerate() {
            k.id = Id::new(format!("k{n}"));
            m.kpis.insert(k.id.clone(), k);
        }
        let mut defined = 0;
        for k in m.kpis.values() {
            let c = Completeness::of(k);
            let filled = Item::ALL.iter().filter(|i| i.is_filled(k)).count();
            prop_assert_eq!(c.score(), (filled, 8));
            prop_assert_eq!(c.missing(Lang::En).len(), 8 - filled);
            prop_assert_eq!(c.missing(Lang::Nl).len(), 8 - filled);
            prop_assert_eq!(c.has(Item::Norm), k.norm().is_some());
            prop_assert!(c.has(Item::Direction) || !c.has(Item::Norm));
            defined += usize::from(c.is_complete());
        }
        let all = model_completeness(&m);
        prop_assert_eq!(all.kpis, m.kpis.len());
        prop_assert_eq!(all.defined, defined);
        prop_assert_eq!(all.incomplete.len(), m.kpis.len() - defined);
    }
}
