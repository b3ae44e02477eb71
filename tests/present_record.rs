//! An earlier meeting as a record (issue 23): the values, statuses and comments of that
//! moment, the actions done and open then, present and absent links, notes; and the
//! comparison of each KPI then with now.

use kpi_structure::model::agenda::record;
use kpi_structure::model::meeting::{Action, ActionField, MeetingAt};
use kpi_structure::model::*;
use kpi_structure::present::record::*;

mod support;
use support::{chain_named, coffee, kpi_named, link_named};

const AS_OF: (i32, u32) = (2026, 11);
const NOV: Period = Period::Month { y: 2026, m: 11 };

fn close(m: &mut Model, at: &MeetingAt, date: &str) {
    let meeting = record(m, at, AS_OF, date).unwrap();
    m.apply(Edit::CloseMeeting {
        at: at.clone(),
        meeting: Box::new(meeting),
    })
    .unwrap();
}

fn comment(m: &mut Model, kpi: &Id, text: &str) {
    m.apply(Edit::SetComment {
        kpi: kpi.clone(),
        period: NOV,
        comment: text.into(),
    })
    .unwrap();
}

fn set_value(m: &mut Model, kpi: &Id, value: f64) {
    m.apply(Edit::SetValue {
        kpi: kpi.clone(),
        period: NOV,
        value: Some(value),
    })
    .unwrap();
}

fn add_action(m: &mut Model, at: &MeetingAt, id: &str, what: &str) {
    m.apply(Edit::AddAction {
        at: at.clone(),
        action: Action {
            id: Id::new(id),
            what: what.into(),
            owner: "Service".into(),
            due: "2027-01".into(),
            ..Action::default()
        },
        index: None,
    })
    .unwrap();
}

fn done(m: &mut Model, at: &MeetingAt, id: &str) {
    m.apply(Edit::SetAction {
        at: at.clone(),
        id: Id::new(id),
        field: ActionField::Done(true),
    })
    .unwrap();
}

/// The coffee template with one chain meeting closed on 2026-12-01: a comment on "Machines
/// installed on time", Planning absent, notes and an open action; afterwards the value drops
/// to 80 and the comment changes.
fn one_meeting() -> (Model, MeetingAt, Id) {
    let mut m = coffee();
    let chain = chain_named(&m, "New coffee machine");
    let at = MeetingAt::Chain(chain.clone());
    let k = kpi_named(&m, "Machines installed on time");
    comment(&mut m, &k, "Fitter ill for two weeks");
    let planning = link_named(&m, &chain, "Planning");
    m.apply(Edit::SetAttendance {
        at: at.clone(),
        link: planning,
        present: false,
    })
    .unwrap();
    m.apply(Edit::SetMeetingNotes {
        at: at.clone(),
        notes: "Good month, one fitter short.".into(),
    })
    .unwrap();
    add_action(&mut m, &at, "a1", "Hire a second fitter");
    close(&mut m, &at, "2026-12-01");
    set_value(&mut m, &k, 80.0);
    comment(&mut m, &k, "Both fitters ill");
    (m, at, k)
}

#[test]
fn a_record_keeps_the_values_statuses_and_comments_of_that_moment() {
    let (m, at, k) = one_meeting();
    let rec = meeting_record(&m, &at, 0, Lang::En).unwrap();
    assert_eq!(
        rec.heading,
        "Chain meeting · New coffee machine · 2026-12-01"
    );
    assert_eq!(rec.as_of, "as of 2026-11");
    assert!(rec.comments_kept);
    let row = rec.rows.iter().find(|r| r.kpi == k).unwrap();
    assert_eq!(row.value, "97.5%");
    assert_eq!(row.status, Status::OnTarget);
    assert_eq!(row.comment, "Fitter ill for two weeks");
    assert!(!row.comment_today);
    assert!(row.norm.starts_with('≥'), "{}", row.norm);
    // The KPIs in meeting order, as many as the meeting discussed.
    assert_eq!(
        rec.rows.len(),
        kpi_structure::model::agenda::meeting_kpis(&m, &at).len()
    );
    assert_eq!(rec.notes, "Good month, one fitter short.");
    assert_eq!(rec.absent, ["Planning"]);
    let links = m.chains[&chain_named(&m, "New coffee machine")].links.len();
    assert_eq!(rec.present.len(), links - 1);
    assert!(!rec.present.iter().any(|p| p == "Planning"));
    assert_eq!(rec.actions.len(), 1);
    assert_eq!(rec.actions[0].what, "Hire a second fitter");
    assert!(!rec.actions[0].done);
    // Dutch.
    let nl = meeting_record(&m, &at, 0, Lang::Nl).unwrap();
    assert_eq!(nl.heading, "Ketenoverleg · New coffee machine · 2026-12-01");
    assert_eq!(nl.as_of, "stand per 2026-11");
    assert_eq!(nl.rows.iter().find(|r| r.kpi == k).unwrap().value, "97,5%");
    assert!(meeting_record(&m, &at, 1, Lang::En).is_none());
}

#[test]
fn a_meeting_closed_before_comments_were_kept_shows_todays_comment_marked() {
    let (mut m, at, k) = one_meeting();
    let MeetingAt::Chain(chain) = &at else {
        unreachable!()
    };
    // As an older app wrote it: no comments.
    let held = &mut m.chains.get_mut(chain).unwrap().meeting.held[0];
    held.comments = false;
    for s in &mut held.kpis {
        s.comment = None;
    }
    let rec = meeting_record(&m, &at, 0, Lang::En).unwrap();
    assert!(!rec.comments_kept);
    let row = rec.rows.iter().find(|r| r.kpi == k).unwrap();
    assert_eq!(row.comment, "Both fitters ill");
    assert!(row.comment_today);
    // The value and status are still those of that moment.
    assert_eq!(row.value, "97.5%");
    // A KPI without a comment is not marked; one with a comment is today's.
    assert!(rec
        .rows
        .iter()
        .all(|r| r.comment_today != r.comment.is_empty()));
}

#[test]
fn the_file_keeps_a_meetings_comments_and_an_old_file_opens_without_them() {
    let (m, at, k) = one_meeting();
    let text = kpi_structure::format::export_json(&m);
    assert!(text.contains("\"comment\": \"Fitter ill for two weeks\""));
    assert!(text.contains("\"comments\": true"));
    let back = kpi_structure::format::import_json(&text).unwrap().model;
    let rec = meeting_record(&back, &at, 0, Lang::En).unwrap();
    let row = rec.rows.iter().find(|r| r.kpi == k).unwrap();
    assert_eq!(row.comment, "Fitter ill for two weeks");
    // Without the new fields (an older app's file): it opens, the record marks today's.
    let old = text
        .replace(
            ",\n                  \"comment\": \"Fitter ill for two weeks\"",
            "",
        )
        .replace(",\n              \"comments\": true", "");
    assert!(!old.contains("Fitter ill"), "the fixture's layout changed");
    let back = kpi_structure::format::import_json(&old).unwrap().model;
    let rec = meeting_record(&back, &at, 0, Lang::En).unwrap();
    assert!(!rec.comments_kept);
    let row = rec.rows.iter().find(|r| r.kpi == k).unwrap();
    assert_eq!(row.comment, "Both fitters ill");
    assert!(row.comment_today);
}

#[test]
fn actions_of_a_record_are_those_open_then_and_those_done_since_the_one_before() {
    let (mut m, at, _) = one_meeting();
    add_action(&mut m, &at, "a2", "Call the carrier");
    done(&mut m, &at, "a1");
    close(&mut m, &at, "2027-01-05");
    add_action(&mut m, &at, "a3", "Later");
    close(&mut m, &at, "2027-02-02");
    let second = meeting_record(&m, &at, 1, Lang::En).unwrap();
    let listed: Vec<(&str, bool)> = second
        .actions
        .iter()
        .map(|a| (a.what.as_str(), a.done))
        .collect();
    assert_eq!(
        listed,
        [("Hire a second fitter", true), ("Call the carrier", false)]
    );
    // The third no longer lists the one done before the second.
    let third = meeting_record(&m, &at, 2, Lang::En).unwrap();
    let listed: Vec<&str> = third.actions.iter().map(|a| a.what.as_str()).collect();
    assert_eq!(listed, ["Call the carrier", "Later"]);
}

#[test]
fn compare_shows_each_kpi_then_and_now() {
    let (m, at, k) = one_meeting();
    let rows = compare_with(&m, &at, 0, AS_OF, Lang::En);
    let row = rows.iter().find(|r| r.kpi == k).unwrap();
    assert_eq!(row.name, "Machines installed on time");
    assert_eq!(row.then, Some(("97.5%".to_string(), Status::OnTarget)));
    assert_eq!(row.now, Some(("80%".to_string(), Status::OffTarget)));
    assert!(row.changed());
    assert_eq!(rows.iter().filter(|r| r.changed()).count(), 1);
    assert!(compare_with(&m, &at, 5, AS_OF, Lang::En).is_empty());
}

#[test]
fn department_and_mt_records_have_no_attendance() {
    let mut m = coffee();
    let d = m.departments.keys().next().unwrap().clone();
    for at in [MeetingAt::Department(d), MeetingAt::Mt] {
        close(&mut m, &at, "2026-12-01");
        let rec = meeting_record(&m, &at, 0, Lang::En).unwrap();
        assert!(rec.present.is_empty() && rec.absent.is_empty());
        assert!(!rec.rows.is_empty(), "{at:?}");
        let title = match at {
            MeetingAt::Mt => "MT meeting · 2026-12-01",
            _ => "Department meeting · ",
        };
        assert!(rec.heading.starts_with(title), "{}", rec.heading);
    }
}
