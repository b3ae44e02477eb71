//! The three meeting levels (department, chain, MT): every meeting edit at every level applies
//! and its inverse gives the model back exactly; a department's and the MT's meeting travel
//! with files, flat keys, compare, merge, a shared folder's change files and the journal;
//! escalating an action.

use kpi_structure::format::{export_json, import_json};
use kpi_structure::model::agenda::{escalated, meeting_kpis, record};
use kpi_structure::model::changes::{diff, merge_folder, ChangeFile};
use kpi_structure::model::compare::{differences, Difference, Subject};
use kpi_structure::model::flat::{flatten, unflatten};
use kpi_structure::model::meeting::{Action, ActionField, MeetingAt};
use kpi_structure::model::merge::merge;
use kpi_structure::model::*;
use kpi_structure::session::{Change, Step};

mod support;
use support::{chain_named, coffee};

fn action(id: &str, what: &str) -> Action {
    Action {
        id: Id::new(id),
        what: what.into(),
        owner: "Logistics".into(),
        due: "2027-01".into(),
        ..Action::default()
    }
}

fn department(m: &Model, name: &str) -> MeetingAt {
    let d = m.departments.values().find(|d| d.name == name).unwrap();
    MeetingAt::Department(d.id.clone())
}

/// Applies `e` to `m`; checks that its inverse undoes it exactly and that the inverse's
/// inverse (the redo: `e`, with an appended action's index filled in) does it again; leaves
/// `m` edited.
fn apply_and_check(m: &mut Model, e: Edit) {
    let before = m.clone();
    let inverse = m
        .apply(e.clone())
        .unwrap_or_else(|err| panic!("{e:?}: {err:?}"));
    let after = m.clone();
    let mut undone = after.clone();
    let redo = undone.apply(inverse.clone()).unwrap();
    assert_eq!(undone, before, "the inverse of {e:?} gives the model back");
    let mut again = before.clone();
    again.apply(redo).unwrap();
    assert_eq!(again, after);
}

#[test]
fn every_meeting_edit_at_every_level_has_an_exact_inverse() {
    let mut m = coffee();
    let levels = [
        MeetingAt::Chain(chain_named(&m, "New coffee machine")),
        department(&m, "Logistics"),
        MeetingAt::Mt,
    ];
    for at in levels {
        let edits = [
            Edit::AddAction {
                at: at.clone(),
                action: action("a1", "Call the carrier"),
                index: None,
            },
            Edit::AddAction {
                at: at.clone(),
                action: action("a0", "First"),
                index: Some(0),
            },
            Edit::SetAction {
                at: at.clone(),
                id: Id::new("a1"),
                field: ActionField::What("Call the carrier today".into()),
            },
            Edit::SetAction {
                at: at.clone(),
                id: Id::new("a1"),
                field: ActionField::Escalated(true),
            },
            Edit::SetAction {
                at: at.clone(),
                id: Id::new("a1"),
                field: ActionField::Done(true),
            },
            Edit::SetMeetingNotes {
                at: at.clone(),
                notes: "Carrier late twice".into(),
            },
            Edit::CloseMeeting {
                meeting: Box::new(record(&m, &at, (2026, 11), "2026-12-01").unwrap()),
                at: at.clone(),
            },
            Edit::DeleteAction {
                at: at.clone(),
                id: Id::new("a0"),
            },
        ];
        for e in edits {
            apply_and_check(&mut m, e);
        }
        let held = m.meeting(&at).unwrap();
        assert_eq!(held.held.len(), 1, "{at:?}");
        assert_eq!(held.notes, "", "closing starts the next meeting afresh");
        assert_eq!(held.actions.len(), 1);
        assert!(held.actions[0].escalated && held.actions[0].done);
    }
    // The three meetings are three: each holds its own.
    assert_eq!(m.mt_meeting.held.len(), 1);
    let c1 = &m.chains[&chain_named(&m, "New coffee machine")];
    assert_eq!(c1.meeting.held.len(), 1);
}

#[test]
fn reopening_puts_back_the_notes_and_attendance_exactly_at_every_level() {
    let mut m = coffee();
    let chain = chain_named(&m, "New coffee machine");
    let link = m.chains[&chain].links[1].id.clone();
    m.apply(Edit::SetAttendance {
        at: MeetingAt::Chain(chain.clone()),
        link,
        present: false,
    })
    .unwrap();
    for at in [
        MeetingAt::Chain(chain.clone()),
        department(&m, "Service"),
        MeetingAt::Mt,
    ] {
        m.apply(Edit::SetMeetingNotes {
            at: at.clone(),
            notes: format!("Notes of {at:?}"),
        })
        .unwrap();
        let meeting = record(&m, &at, (2026, 11), "2026-12-01").unwrap();
        apply_and_check(
            &mut m,
            Edit::CloseMeeting {
                at: at.clone(),
                meeting: Box::new(meeting),
            },
        );
    }
    // A department's and the MT's meeting record no attendees; a chain's its present links.
    assert!(m.mt_meeting.held[0].attendees.is_empty());
    let chain_held = &m.chains[&chain].meeting.held[0];
    assert_eq!(chain_held.attendees.len(), m.chains[&chain].links.len() - 1);
    assert_eq!(
        chain_held.notes,
        format!("Notes of {:?}", MeetingAt::Chain(chain))
    );
}

#[test]
fn a_department_meeting_or_the_mt_has_no_attendance_and_an_unknown_department_is_refused() {
    let mut m = coffee();
    let before = m.clone();
    let link = Id::new("l1");
    for at in [department(&m, "Sales"), MeetingAt::Mt] {
        let e = Edit::SetAttendance {
            at,
            link: link.clone(),
            present: false,
        };
        assert!(m.apply(e).is_err());
    }
    let gone = MeetingAt::Department(Id::new("nope"));
    assert!(m
        .apply(Edit::AddAction {
            at: gone.clone(),
            action: action("a1", "x"),
            index: None,
        })
        .is_err());
    assert!(m
        .apply(Edit::SetMeetingNotes {
            at: gone,
            notes: "x".into(),
        })
        .is_err());
    assert_eq!(m, before, "a refused edit changes nothing");
}

#[test]
fn deleting_a_department_takes_its_meeting_and_undo_brings_it_back() {
    let mut m = coffee();
    let at = department(&m, "Planning");
    m.apply(Edit::AddAction {
        at: at.clone(),
        action: action("a1", "Plan the fitters a week ahead"),
        index: None,
    })
    .unwrap();
    let MeetingAt::Department(d) = at.clone() else {
        unreachable!()
    };
    let mut h = History::new(10);
    let before = m.clone();
    let touched = h
        .apply_touched(&mut m, Edit::DeleteDepartment { id: d.clone() }, false)
        .unwrap();
    assert!(touched.contains(&Topic::Meeting(at.clone())));
    assert!(m.meeting(&at).is_none());
    h.undo_touched(&mut m);
    assert_eq!(m, before);
}

#[test]
fn a_department_meeting_discusses_its_links_kpis_across_all_chains() {
    let m = coffee();
    let names = |at: &MeetingAt| -> Vec<String> {
        meeting_kpis(&m, at)
            .into_iter()
            .map(|id| m.kpis[id].name.clone())
            .collect()
    };
    // Logistics is a link of "New coffee machine" and of "Coffee beans and ingredients"; in
    // the second it receives the orders Customer service releases (a handover KPI).
    assert_eq!(
        names(&department(&m, "Logistics")),
        [
            "Machines delivered on the planned day",
            "Orders released to the warehouse the same day",
            "Orders picked correctly"
        ]
    );
    // The MT: the result KPIs, goal by goal.
    assert_eq!(
        names(&MeetingAt::Mt),
        [
            "Customer satisfaction",
            "Contract renewal rate",
            "Operating margin"
        ]
    );
    // A department none of whose links or handovers has KPIs discusses nothing, and says so
    // elsewhere.
    let mut bare = m.clone();
    bare.kpis
        .retain(|_, k| !matches!(k.at, Attach::Link { .. } | Attach::Handover { .. }));
    assert!(meeting_kpis(&bare, &department(&bare, "Logistics")).is_empty());
}

#[test]
fn an_escalated_action_shows_for_the_mt_until_it_is_done_in_its_own_meeting() {
    let mut m = coffee();
    let chain = MeetingAt::Chain(chain_named(&m, "Breakdown repair"));
    let service = department(&m, "Service");
    for (at, id) in [(&chain, "a1"), (&service, "a1"), (&chain, "a2")] {
        m.apply(Edit::AddAction {
            at: at.clone(),
            action: action(id, "Spare parts stock"),
            index: None,
        })
        .unwrap();
    }
    assert!(escalated(&m).is_empty(), "nothing is escalated by default");
    for at in [&chain, &service] {
        m.apply(Edit::SetAction {
            at: at.clone(),
            id: Id::new("a1"),
            field: ActionField::Escalated(true),
        })
        .unwrap();
    }
    let up: Vec<(MeetingAt, String)> = escalated(&m)
        .into_iter()
        .map(|(at, a)| (at, a.id.to_string()))
        .collect();
    assert_eq!(
        up,
        [(chain.clone(), "a1".into()), (service.clone(), "a1".into())],
        "chains first, then departments"
    );
    // Done (in the MT meeting or its own: it is one action) and it leaves the MT's list.
    m.apply(Edit::SetAction {
        at: chain.clone(),
        id: Id::new("a1"),
        field: ActionField::Done(true),
    })
    .unwrap();
    assert_eq!(escalated(&m).len(), 1);
    assert_eq!(escalated(&m)[0].0, service);
}

#[test]
fn ticking_escalate_or_done_is_one_undo_step_each() {
    let mut m = coffee();
    let before = m.clone();
    let at = department(&m, "Finance");
    let mut h = History::new(100);
    h.apply(
        &mut m,
        Edit::AddAction {
            at: at.clone(),
            action: action("a1", ""),
            index: None,
        },
        false,
    )
    .unwrap();
    for field in [
        ActionField::Escalated(true),
        ActionField::Escalated(false),
        ActionField::Escalated(true),
    ] {
        let e = Edit::SetAction {
            at: at.clone(),
            id: Id::new("a1"),
            field,
        };
        h.apply(&mut m, e, true).unwrap();
    }
    let mut steps = 0;
    while h.undo(&mut m) {
        steps += 1;
    }
    assert_eq!(steps, 4);
    assert_eq!(m, before);
}

/// The coffee model with a department meeting and an MT meeting: actions (one escalated),
/// notes and a meeting held each.
fn with_meetings() -> Model {
    let mut m = coffee();
    for at in [department(&m, "Service"), MeetingAt::Mt] {
        let mut a = action("a1", "Second van");
        a.escalated = at != MeetingAt::Mt;
        m.apply(Edit::AddAction {
            at: at.clone(),
            action: a,
            index: None,
        })
        .unwrap();
        m.apply(Edit::SetMeetingNotes {
            at: at.clone(),
            notes: "Vans".into(),
        })
        .unwrap();
        let meeting = record(&m, &at, (2026, 11), "2026-12-01").unwrap();
        m.apply(Edit::CloseMeeting {
            at: at.clone(),
            meeting: Box::new(meeting),
        })
        .unwrap();
        m.apply(Edit::SetMeetingNotes {
            at,
            notes: "Next time".into(),
        })
        .unwrap();
    }
    m
}

#[test]
fn files_carry_a_departments_and_the_mt_meeting_and_leave_out_what_is_empty() {
    let m = with_meetings();
    let text = export_json(&m);
    let back = import_json(&text).unwrap().model;
    assert_eq!(back, m);
    assert!(text.contains("\"mt_meeting\""));
    assert_eq!(text.matches("\"escalated\": true").count(), 1);
    assert!(
        !text.contains("\"escalated\": false"),
        "false is not written"
    );
    // A model without them writes neither, so files stay as they were.
    let plain = export_json(&coffee());
    assert!(!plain.contains("mt_meeting") && !plain.contains("escalated"));
    assert!(!plain.contains("\"meeting\""));
}

#[test]
fn flat_keys_compare_and_merge_carry_the_new_meetings() {
    let base = coffee();
    let m = with_meetings();
    let f = flatten(&m);
    assert_eq!(unflatten(&f, &m), m);
    let d = m
        .departments
        .values()
        .find(|d| d.name == "Service")
        .unwrap();
    assert!(f.contains_key(&format!("department/{}/action/a1/escalated", d.id)));
    assert!(f.contains_key("mt/action/a1"));
    assert!(f.contains_key("mt/held/0000"));

    let diffs = differences(&base, &m);
    let dep = MeetingAt::Department(d.id.clone());
    assert!(diffs.contains(&Difference::Added(Subject::Action {
        at: dep.clone(),
        action: Id::new("a1"),
    })));
    assert!(diffs.contains(&Difference::Added(Subject::Action {
        at: MeetingAt::Mt,
        action: Id::new("a1"),
    })));
    for at in [dep, MeetingAt::Mt] {
        assert!(diffs.contains(&Difference::Meeting {
            at,
            date: "2026-12-01".into(),
            added: true,
        }));
    }

    // Three-way: mine added to the MT meeting, theirs closed a department meeting.
    let mut mine = base.clone();
    mine.apply(Edit::AddAction {
        at: MeetingAt::Mt,
        action: action("a9", "Mine"),
        index: None,
    })
    .unwrap();
    let merged = merge(Some(&base), &mine, &m);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let out = merged.resolve(&mine, &[]);
    let ids: Vec<&str> = out
        .mt_meeting
        .actions
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a9", "a1"]);
    assert_eq!(out.departments[&d.id].meeting, m.departments[&d.id].meeting);
    assert_eq!(out.mt_meeting.held, m.mt_meeting.held);
}

#[test]
fn a_shared_folders_change_files_carry_the_new_meetings() {
    let base = coffee();
    let m = with_meetings();
    let mut file = ChangeFile::for_base(&base, "Anna");
    file.changes = diff(&base, &m, "2026-12-04T10:15:00.000Z");
    assert!(file.changes.iter().any(|c| c.key == "mt/meeting/notes"));
    let merged = merge_folder(&base, &[file]);
    assert_eq!(merged.model, m);
}

#[test]
fn touched_between_two_versions_names_the_meetings_that_differ() {
    let base = coffee();
    let m = with_meetings();
    let t = Touched::between(&base, &m);
    let d = m
        .departments
        .values()
        .find(|d| d.name == "Service")
        .unwrap();
    assert!(t.contains(&Topic::Meeting(MeetingAt::Mt)));
    assert!(t.contains(&Topic::Meeting(MeetingAt::Department(d.id.clone()))));
    // A department's meeting is not its fields.
    assert!(!t.contains(&Topic::Fields(Target::Department(d.id.clone()))));
}

#[test]
fn the_journal_reads_a_chain_meetings_steps_written_before_there_were_levels() {
    // As journals were written before: the chain meeting named by its chain's id.
    let old = [
        r#"["c",false,["AddAction","c1",["a1","Call","Sales","2026-09",false],null]]"#,
        r#"["c",true,["SetAction","c1","a1","what","Call them"]]"#,
        r#"["c",true,["SetMeetingNotes","c1","Notes"]]"#,
        r#"["c",false,["SetAttendance","c1","l2",false]]"#,
        r#"["c",false,["DeleteAction","c1","a1"]]"#,
    ];
    let chain = MeetingAt::Chain(Id::new("c1"));
    for text in old {
        let Some(Step::Change(Change::Edit { edit, .. })) = Step::decode(text) else {
            panic!("{text} does not read");
        };
        let at = match &edit {
            Edit::AddAction { at, action, .. } => {
                assert!(!action.escalated);
                at
            }
            Edit::SetAction { at, .. }
            | Edit::SetMeetingNotes { at, .. }
            | Edit::SetAttendance { at, .. }
            | Edit::DeleteAction { at, .. } => at,
            other => panic!("{other:?}"),
        };
        assert_eq!(at, &chain);
        // And a chain meeting's step is written as it was.
        let step = Step::Change(Change::Edit {
            edit,
            coalesce: text.starts_with(r#"["c",true"#),
        });
        assert_eq!(step.encode().as_deref(), Some(text));
    }
    // The other levels, and escalation, read back as written.
    for at in [MeetingAt::Department(Id::new("d1")), MeetingAt::Mt] {
        let mut a = action("a1", "Up");
        a.escalated = true;
        for edit in [
            Edit::AddAction {
                at: at.clone(),
                action: a.clone(),
                index: Some(0),
            },
            Edit::SetAction {
                at: at.clone(),
                id: Id::new("a1"),
                field: ActionField::Escalated(false),
            },
        ] {
            let step = Step::Change(Change::Edit {
                edit,
                coalesce: false,
            });
            let text = step.encode().unwrap();
            assert_eq!(Step::decode(&text), Some(step), "{text}");
        }
    }
}
