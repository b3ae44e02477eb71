//! A shared folder merged (issue 21): writers' change files over one base, latest entry wins,
//! unseen overwrites are conflicts, the result is the same whatever the order of the files or
//! how a sync client split them; value history; waiting for values; "My KPIs".

// The tests sort with the standard sorts; `clippy.toml` keeps them out of `src/` only (the wasm).
#![allow(clippy::disallowed_methods)]

use kpi_structure::model::changes::{
    comment_history, diff, merge_folder, value_history, Change, ChangeFile,
};
use kpi_structure::model::flat::flatten;
use kpi_structure::model::missing::{is_mine, waiting_for_values, Waiting};
use kpi_structure::model::steer::value_as_of;
use kpi_structure::model::*;
use proptest::prelude::*;

mod edits;
mod support;
use edits::{edit_for, op, start, Op};
use support::coffee;

fn at(minute: u32) -> String {
    format!(
        "2026-12-04T{:02}:{:02}:00.000Z",
        10 + minute / 60,
        minute % 60
    )
}

fn edited(m: &Model, edits: Vec<Edit>) -> Model {
    let mut m = m.clone();
    for e in edits {
        m.apply(e).expect("a valid edit");
    }
    m
}

fn set_value(kpi: &str, period: &str, value: Option<f64>) -> Edit {
    Edit::SetValue {
        kpi: Id::new(kpi),
        period: Period::parse(period).unwrap(),
        value,
    }
}

fn set_name(kpi: &str, name: &str) -> Edit {
    Edit::SetKpi {
        id: Id::new(kpi),
        field: KpiField::Name(name.into()),
    }
}

/// `writer`'s file holding the changes from `seen` to `now` at minute `t`.
fn file(base: &Model, writer: &str, seen: &Model, now: &Model, t: u32) -> ChangeFile {
    let mut f = ChangeFile::for_base(base, writer);
    f.changes = diff(seen, now, &at(t));
    f
}

#[test]
fn a_diff_names_exactly_the_fields_that_changed_with_old_and_new() {
    let base = coffee();
    let now = edited(
        &base,
        vec![
            set_value("k3", "2026-12", Some(13.1)),
            set_name("k4", "Installed on time"),
        ],
    );
    let changes = diff(&base, &now, &at(1));
    let keys: Vec<&str> = changes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["kpi/k3/value/2026-12", "kpi/k4/name"]);
    assert_eq!(changes[0].old, None);
    assert_eq!(changes[0].value, Some(serde_json::json!(13.1)));
    assert_eq!(
        changes[1].old,
        Some(serde_json::json!("Machines installed on time"))
    );
    assert!(changes.iter().all(|c| c.at == at(1)));
    assert!(diff(&now, &now, &at(2)).is_empty());
}

#[test]
fn two_writers_editing_different_fields_both_keep_their_edits() {
    let base = coffee();
    let anna = edited(&base, vec![set_value("k3", "2026-12", Some(13.1))]);
    let ben = edited(
        &base,
        vec![
            set_name("k4", "Installed on time"),
            set_value("k4", "2026-12", Some(97.0)),
        ],
    );
    let files = [
        file(&base, "Anna de Vries", &base, &anna, 1),
        file(&base, "Ben", &base, &ben, 2),
    ];
    let merged = merge_folder(&base, &files);
    let m = &merged.model;
    assert_eq!(
        m.kpis[&Id::new("k3")]
            .values
            .get(&Period::parse("2026-12").unwrap()),
        Some(13.1)
    );
    assert_eq!(m.kpis[&Id::new("k4")].name, "Installed on time");
    assert_eq!(
        m.kpis[&Id::new("k4")]
            .values
            .get(&Period::parse("2026-12").unwrap()),
        Some(97.0)
    );
    assert!(merged.conflicts.is_empty());
    assert!(m.validate().is_empty());
    assert_eq!(merged.writers, ["Anna de Vries", "Ben"]);
    let by = merged.value_by(&Id::new("k3"), Period::parse("2026-12").unwrap());
    assert_eq!(
        by.map(|s| (s.by.as_str(), s.at.clone())),
        Some(("Anna de Vries", at(1)))
    );
    assert_eq!(
        merged.value_by(&Id::new("k3"), Period::parse("2026-11").unwrap()),
        None
    );
    // Ids and timestamps are the base's; nothing else of the base was lost.
    let both = edited(
        &anna,
        vec![
            set_name("k4", "Installed on time"),
            set_value("k4", "2026-12", Some(97.0)),
        ],
    );
    assert_eq!(*m, both);
}

#[test]
fn the_same_field_changed_by_two_writers_keeps_the_latest_and_names_both() {
    let base = coffee();
    let anna = edited(&base, vec![set_name("k4", "Anna's name")]);
    let ben = edited(&base, vec![set_name("k4", "Ben's name")]);
    let files = [
        file(&base, "Ben", &base, &ben, 5),
        file(&base, "Anna", &base, &anna, 3),
    ];
    let merged = merge_folder(&base, &files);
    assert_eq!(merged.model.kpis[&Id::new("k4")].name, "Ben's name");
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.key, "kpi/k4/name");
    assert_eq!((c.kept.by.as_str(), c.lost.by.as_str()), ("Ben", "Anna"));
    assert_eq!(c.lost.change.value, Some(serde_json::json!("Anna's name")));

    // Anna sees Ben's name and writes hers again on top of it: she decided, no conflict.
    let seen = merged.model.clone();
    let again = edited(&seen, vec![set_name("k4", "Anna's final name")]);
    let mut anna_file = files[1].clone();
    anna_file.changes.extend(diff(&seen, &again, &at(9)));
    let merged = merge_folder(&base, &[files[0].clone(), anna_file]);
    assert_eq!(merged.model.kpis[&Id::new("k4")].name, "Anna's final name");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);

    // The same value from both: no conflict. Same time: the writer's name decides.
    let same = [
        file(&base, "Anna", &base, &anna, 3),
        file(&base, "Ben", &base, &anna, 3),
    ];
    assert!(merge_folder(&base, &same).conflicts.is_empty());
    let tie = [
        file(&base, "Ben", &base, &ben, 3),
        file(&base, "Anna", &base, &anna, 3),
    ];
    assert_eq!(
        merge_folder(&base, &tie).model.kpis[&Id::new("k4")].name,
        "Ben's name"
    );
}

#[test]
fn entries_for_a_deleted_element_are_dropped_without_panic_and_reported() {
    let base = coffee();
    let anna = edited(&base, vec![Edit::DeleteKpi { id: Id::new("k4") }]);
    let ben = edited(
        &base,
        vec![
            set_value("k4", "2026-12", Some(97.0)),
            set_name("k4", "Still here?"),
        ],
    );
    let files = [
        file(&base, "Anna", &base, &anna, 1),
        file(&base, "Ben", &base, &ben, 2),
    ];
    let merged = merge_folder(&base, &files);
    assert!(!merged.model.kpis.contains_key(&Id::new("k4")));
    assert!(merged.model.validate().is_empty());
    let lost: Vec<(&str, &str, &str)> = merged
        .conflicts
        .iter()
        .map(|c| (c.key.as_str(), c.kept.by.as_str(), c.lost.by.as_str()))
        .collect();
    assert_eq!(lost, [("kpi/k4", "Anna", "Ben")]);
    // Entries naming elements that never existed, and keys of no known form: ignored.
    let mut junk = ChangeFile::for_base(&base, "Cas");
    for key in [
        "kpi/nope/name",
        "chain/c9/link/l1/name",
        "kpi/k3/value/not-a-period",
        "zzz",
    ] {
        junk.changes.push(Change {
            key: key.into(),
            value: Some(serde_json::json!(1)),
            old: None,
            at: at(3),
        });
    }
    let merged = merge_folder(&base, &[junk]);
    assert_eq!(merged.model, base);
}

#[test]
fn value_history_lists_who_changed_what_newest_first() {
    let base = coffee();
    let p = |t: &str| Period::parse(t).unwrap();
    let anna1 = edited(&base, vec![set_value("k3", "2026-12", Some(13.1))]);
    let anna2 = edited(&anna1, vec![set_value("k3", "2026-12", Some(13.3))]);
    let ben = edited(
        &base,
        vec![
            set_value("k3", "2026-11", None),
            Edit::SetComment {
                kpi: Id::new("k3"),
                period: p("2026-11"),
                comment: "Closed the books late".into(),
            },
            set_value("k4", "2026-12", Some(97.0)),
        ],
    );
    let mut anna = file(&base, "Anna", &base, &anna1, 1);
    anna.changes.extend(diff(&anna1, &anna2, &at(7)));
    let files = [anna.clone(), file(&base, "Ben", &base, &ben, 4), anna];
    let h = value_history(&files, &Id::new("k3"));
    type Row<'a> = (Period, Option<f64>, Option<f64>, &'a str, &'a str);
    let got: Vec<Row> = h
        .iter()
        .map(|c| (c.period, c.old, c.new, c.by.as_str(), c.at.as_str()))
        .collect();
    let (t1, t4, t7) = (at(1), at(4), at(7));
    assert_eq!(
        got,
        [
            (p("2026-12"), Some(13.1), Some(13.3), "Anna", t7.as_str()),
            (p("2026-11"), Some(13.2), None, "Ben", t4.as_str()),
            (p("2026-12"), None, Some(13.1), "Anna", t1.as_str()),
        ]
    );
    let comments = comment_history(&files, &Id::new("k3"));
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].new.as_deref(), Some("Closed the books late"));
    assert_eq!(comments[0].by, "Ben");
    assert!(value_history(&files, &Id::new("k1")).is_empty());
}

#[test]
fn waiting_for_values_groups_the_kpis_without_a_value_by_owner() {
    // The coffee model has values up to 2026-11 (2026-Q3, 2026-W48); as of 2026-12 the
    // monthly KPI k3 and the quarterly k1 got theirs.
    let month = (2026, 12);
    let mut m = edited(
        &coffee(),
        vec![
            set_value("k3", "2026-12", Some(13.0)),
            set_value("k1", "2026-Q4", Some(9.1)),
        ],
    );
    let waiting = waiting_for_values(&m, month);
    let listed: Vec<&Id> = waiting.iter().flat_map(|w| &w.kpis).collect();
    let want: Vec<&Id> = m
        .kpis
        .values()
        .filter(|k| value_as_of(k, month).is_none())
        .map(|k| &k.id)
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(sorted, want_sorted);
    assert_eq!(listed.len(), m.kpis.len() - 2);
    assert!(!listed.contains(&&Id::new("k1")) && !listed.contains(&&Id::new("k3")));
    let owners: Vec<&str> = waiting.iter().map(|w| w.owner.as_str()).collect();
    let mut by_name = owners.clone();
    by_name.sort_by_key(|o| o.to_lowercase());
    assert_eq!(owners, by_name);
    for w in &waiting {
        assert!(w.kpis.iter().all(|k| m.kpis[k].owner == w.owner));
    }

    // One owner whatever the spelling; no owner last; a KPI without frequency never waits.
    let fresh = |m: &mut Model, id: &str, owner: &str, frequency: Frequency| {
        let k = m.kpis.get_mut(&Id::new(id)).unwrap();
        k.owner = owner.into();
        k.frequency = frequency;
        k.values = Series::default();
    };
    m.kpis
        .retain(|id, _| ["k3", "k4", "k5", "k6", "k8"].contains(&id.as_str()));
    fresh(&mut m, "k3", "ben", Frequency::Monthly);
    fresh(&mut m, "k4", "", Frequency::Monthly);
    fresh(&mut m, "k5", " Ben ", Frequency::Quarterly);
    fresh(&mut m, "k6", "Anna", Frequency::Monthly);
    fresh(&mut m, "k8", "Anna", Frequency::Unset);
    let got = waiting_for_values(&m, month);
    let ids = |v: &[&str]| v.iter().map(|i| Id::new(*i)).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            Waiting {
                owner: "Anna".into(),
                kpis: ids(&["k6"])
            },
            Waiting {
                owner: "ben".into(),
                kpis: ids(&["k3", "k5"])
            },
            Waiting {
                owner: "".into(),
                kpis: ids(&["k4"])
            },
        ]
    );
}

#[test]
fn my_kpis_are_those_i_own_whatever_case_and_spaces() {
    let m = coffee();
    let k3 = &m.kpis[&Id::new("k3")];
    assert_eq!(k3.owner, "Financial director");
    assert!(is_mine(k3, "financial DIRECTOR "));
    assert!(!is_mine(k3, "Financial"));
    let mut nobody = k3.clone();
    nobody.owner = "  ".into();
    assert!(!is_mine(&nobody, ""));
    assert!(!is_mine(&nobody, "Anna"));
}

/// Three writers take turns: each step a writer edits what they see (the merged folder, or
/// when `stale` their own last model) and appends the diff at a time that may tie with the
/// step before.
fn simulate(base: &Model, steps: &[(u8, bool, Vec<Op>)], ties: bool) -> Vec<ChangeFile> {
    let names = ["Anna", "Ben", "Cas"];
    let mut files: Vec<ChangeFile> = names
        .iter()
        .map(|n| ChangeFile::for_base(base, n))
        .collect();
    let mut own: Vec<Model> = vec![base.clone(); 3];
    for (n, (w, stale, ops)) in steps.iter().enumerate() {
        let w = usize::from(*w) % 3;
        let seen = if *stale {
            own[w].clone()
        } else {
            merge_folder(base, &files).model
        };
        let mut now = seen.clone();
        for (i, op) in ops.iter().enumerate() {
            let _ = now.apply(edit_for(&now, *op, n * 100 + i));
        }
        let t = if ties { n as u32 / 2 } else { n as u32 };
        files[w].changes.extend(diff(&seen, &now, &at(t)));
        own[w] = now;
    }
    files
}

fn steps() -> impl Strategy<Value = Vec<(u8, bool, Vec<Op>)>> {
    prop::collection::vec(
        (0u8..3, any::<bool>(), prop::collection::vec(op(), 0..5)),
        1..7,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_merge_does_not_depend_on_file_order_or_sync_copies(
        which in 1u8..3,
        steps in steps(),
        order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
        cut in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
    ) {
        let base = start(which);
        let files = simulate(&base, &steps, true);
        let merged = merge_folder(&base, &files);
        prop_assert!(merged.model.validate().is_empty(), "{:?}", merged.model.validate());
        // Anna's file split by a sync client: the copy holds an older state of it, the
        // original lost some of those entries; an entry in both counts once.
        let all = &files[0].changes;
        let (a, b) = (cut.0.index(all.len() + 1), cut.1.index(all.len() + 1));
        let (hi, lo) = (a.max(b), a.min(b));
        let mut copy = files[0].clone();
        copy.changes.truncate(hi);
        let mut original = files[0].clone();
        original.changes.drain(lo..hi);
        let split = [original, files[1].clone(), files[2].clone(), copy];
        let shuffled: Vec<ChangeFile> = order.iter().map(|i| split[*i].clone()).collect();
        prop_assert_eq!(merge_folder(&base, &shuffled), merged);
    }

    #[test]
    fn writers_who_always_see_the_folder_end_with_the_last_ones_model(
        which in 0u8..3,
        steps in steps(),
    ) {
        let base = start(which);
        let steps: Vec<_> = steps.into_iter().map(|(w, _, ops)| (w, false, ops)).collect();
        let files = simulate(&base, &steps, false);
        // Replaying the steps by hand: each one starts from the model before it.
        let mut m = base.clone();
        for (n, (_, _, ops)) in steps.iter().enumerate() {
            for (i, op) in ops.iter().enumerate() {
                let _ = m.apply(edit_for(&m, *op, n * 100 + i));
            }
        }
        let merged = merge_folder(&base, &files);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        // Compared as field keys: the links absent from a meeting are a set, and the merge
        // gives them in key order (a model toggled `ld` then `la` holds `[ld, la]`).
        prop_assert_eq!(flatten(&merged.model), flatten(&m));
    }
}
