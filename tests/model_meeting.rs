//! The chain meeting: what it discusses, closing it, what changed since, undo, files.

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::agenda::{changes_since, meeting_kpis, record};
use kpi_structure::model::meeting::{Action, ActionField, MeetingAt};
use kpi_structure::model::*;

mod support;
use support::{chain_named, coffee, kpi_named};

#[test]
fn a_meeting_discusses_chain_kpis_then_link_kpis_then_the_results_they_drive() {
    let m = coffee();
    let c = chain_named(&m, "New coffee machine");
    let names: Vec<&str> = meeting_kpis(&m, &MeetingAt::Chain(c.clone()))
        .into_iter()
        .map(|id| m.kpis[id].name.as_str())
        .collect();
    assert_eq!(names[0], "Machines installed on time");
    assert!(names.contains(&"Installation planned within 2 days"));
    // The result KPIs come last, each once.
    let first_result = names
        .iter()
        .position(|n| *n == "Customer satisfaction")
        .unwrap();
    assert!(names[first_result..].contains(&"Operating margin"));
    let results = names
        .iter()
        .filter(|n| **n == "Customer satisfaction")
        .count();
    assert_eq!(results, 1);
}

#[test]
fn closing_records_the_moment_and_the_next_meeting_shows_what_changed() {
    let mut m = coffee();
    let mut h = History::new(100);
    let c = chain_named(&m, "New coffee machine");
    let on_time = kpi_named(&m, "Machines installed on time");
    let as_of = (2026, 11);
    let apply = |h: &mut History, m: &mut Model, e: Edit| h.apply_touched(m, e, false).unwrap();
    apply(
        &mut h,
        &mut m,
        Edit::AddAction {
            at: MeetingAt::Chain(c.clone()),
            action: Action {
                id: Id::new("a1"),
                what: "Extra fitter in July".into(),
                owner: "Service".into(),
                due: "2027-06".into(),
                done: false,
                escalated: false,
            },
            index: None,
        },
    );
    apply(
        &mut h,
        &mut m,
        Edit::SetMeetingNotes {
            at: MeetingAt::Chain(c.clone()),
            notes: "Good month".into(),
        },
    );
    let link = m.chains[&c].links[0].id.clone();
    apply(
        &mut h,
        &mut m,
        Edit::SetAttendance {
            at: MeetingAt::Chain(c.clone()),
            link: link.clone(),
            present: false,
        },
    );
    let before_close = m.clone();
    let meeting = record(&m, &MeetingAt::Chain(c.clone()), as_of, "2026-12-01").unwrap();
    assert_eq!(meeting.attendees.len(), m.chains[&c].links.len() - 1);
    assert_eq!(meeting.open, vec![Id::new("a1")]);
    let st = meeting.kpis.iter().find(|k| k.kpi == on_time).unwrap();
    assert_eq!(st.value, Some(97.5));
    assert_eq!(st.status, Status::OnTarget);
    apply(
        &mut h,
        &mut m,
        Edit::CloseMeeting {
            at: MeetingAt::Chain(c.clone()),
            meeting: Box::new(meeting),
        },
    );
    // The next meeting starts afresh; the open action carries over.
    assert_eq!(m.chains[&c].meeting.notes, "");
    assert!(m.chains[&c].meeting.absent.is_empty());
    assert_eq!(m.chains[&c].meeting.held.len(), 1);
    assert!(changes_since(&m, &MeetingAt::Chain(c.clone()), as_of)
        .unwrap()
        .is_empty());

    // A value changes, the action is done, another is added.
    apply(
        &mut h,
        &mut m,
        Edit::SetValue {
            kpi: on_time.clone(),
            period: Period::Month { y: 2026, m: 11 },
            value: Some(80.0),
        },
    );
    apply(
        &mut h,
        &mut m,
        Edit::SetAction {
            at: MeetingAt::Chain(c.clone()),
            id: Id::new("a1"),
            field: ActionField::Done(true),
        },
    );
    apply(
        &mut h,
        &mut m,
        Edit::AddAction {
            at: MeetingAt::Chain(c.clone()),
            action: Action {
                id: Id::new("a2"),
                ..Action::default()
            },
            index: None,
        },
    );
    let ch = changes_since(&m, &MeetingAt::Chain(c.clone()), as_of).unwrap();
    assert_eq!(ch.values, vec![(on_time.clone(), Some(97.5), Some(80.0))]);
    assert_eq!(
        ch.statuses,
        vec![(on_time.clone(), Status::OnTarget, Status::OffTarget)]
    );
    assert_eq!(ch.done, vec![Id::new("a1")]);
    assert_eq!(ch.added, vec![Id::new("a2")]);

    // Undoing the close puts the notes and attendance back exactly.
    for _ in 0..4 {
        h.undo_touched(&mut m);
    }
    assert_eq!(m, before_close);

    // Files carry it all.
    let back = import_json(&export_json(&m)).unwrap().model;
    assert_eq!(back.chains[&c].meeting, m.chains[&c].meeting);
}

#[test]
fn a_bad_action_in_a_file_is_reported_and_the_rest_kept() {
    let mut m = coffee();
    let c = chain_named(&m, "New coffee machine");
    m.apply(Edit::AddAction {
        at: MeetingAt::Chain(c.clone()),
        action: Action {
            id: Id::new("a1"),
            what: "x".into(),
            ..Action::default()
        },
        index: None,
    })
    .unwrap();
    let json = export_json(&m).replace("\"done\": false", "\"done\": \"no\"");
    let err = import_json(&json).unwrap_err();
    assert!(format!("{err:?}").contains("meeting.actions[0]"), "{err:?}");
}

#[test]
fn typing_a_comment_or_an_action_text_is_one_undo_step() {
    let mut m = coffee();
    let before = m.clone();
    let mut h = History::new(100);
    let c = chain_named(&m, "New coffee machine");
    let k = kpi_named(&m, "Machines installed on time");
    let nov = Period::Month { y: 2026, m: 11 };
    let oct = Period::Month { y: 2026, m: 10 };
    for text in ["L", "La", "Late"] {
        let e = Edit::SetComment {
            kpi: k.clone(),
            period: nov,
            comment: text.into(),
        };
        h.apply(&mut m, e, true).unwrap();
    }
    // Another period's comment is another step, even while coalescing.
    let e = Edit::SetComment {
        kpi: k.clone(),
        period: oct,
        comment: "x".into(),
    };
    h.apply(&mut m, e, true).unwrap();
    let add = Edit::AddAction {
        at: MeetingAt::Chain(c.clone()),
        action: Action {
            id: Id::new("a1"),
            ..Action::default()
        },
        index: None,
    };
    h.apply(&mut m, add, false).unwrap();
    for text in ["C", "Ca", "Call"] {
        let field = ActionField::What(text.into());
        let e = Edit::SetAction {
            at: MeetingAt::Chain(c.clone()),
            id: Id::new("a1"),
            field,
        };
        h.apply(&mut m, e, true).unwrap();
    }
    let e = Edit::SetAction {
        at: MeetingAt::Chain(c.clone()),
        id: Id::new("a1"),
        field: ActionField::Owner("Sales".into()),
    };
    h.apply(&mut m, e, true).unwrap();
    // Comment (2026-11), comment (2026-10), add, action text, owner.
    let mut steps = 0;
    while h.undo(&mut m) {
        steps += 1;
    }
    assert_eq!(steps, 5);
    assert_eq!(m, before);
}
