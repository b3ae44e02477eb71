//! The Meeting view's and the meeting pack's texts: overdue actions, which actions a meeting
//! lists, what changed, the status summary, the trend, the printed pack.

use kpi_structure::model::agenda::{changes_since, record};
use kpi_structure::model::meeting::{
    Action, ActionField, ChainMeeting, KpiState, Meeting, MeetingAt,
};
use kpi_structure::model::*;
use kpi_structure::present::meeting::*;

mod support;
use support::{chain_named, coffee, kpi_named};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn action(id: &str, what: &str, due: &str, done: bool) -> Action {
    Action {
        id: Id::new(id),
        what: what.into(),
        owner: "Planning".into(),
        due: due.into(),
        done,
        escalated: false,
    }
}

#[test]
fn a_due_period_is_overdue_once_its_last_day_has_passed() {
    let cases = [
        ("2026-09", day(2026, 9, 30), false),
        ("2026-09", day(2026, 10, 1), true),
        (" 2026-09 ", day(2026, 10, 1), true),
        ("2026-09-15", day(2026, 9, 15), false),
        ("2026-09-15", day(2026, 9, 16), true),
        ("2026-Q3", day(2026, 9, 30), false),
        ("2026-Q3", day(2026, 10, 1), true),
        // ISO week 36 of 2026 runs from Monday 31 August to Sunday 6 September.
        ("2026-W36", day(2026, 9, 6), false),
        ("2026-W36", day(2026, 9, 7), true),
        ("2026", day(2026, 12, 31), false),
        ("2026", day(2027, 1, 1), true),
        ("next meeting", day(2030, 1, 1), false),
        ("", day(2030, 1, 1), false),
        ("2026-13", day(2030, 1, 1), false),
    ];
    for (due, today, overdue) in cases {
        assert_eq!(is_overdue(due, today), overdue, "{due:?} on {today:?}");
    }
}

#[test]
fn a_meeting_lists_open_actions_and_those_done_since_the_last_one() {
    let mut cm = ChainMeeting {
        actions: vec![
            action("a1", "Call the supplier", "2026-09", false),
            action("a2", "Done long ago", "", true),
        ],
        ..ChainMeeting::default()
    };
    // Before the first meeting every action is listed.
    assert_eq!(shown_actions(&cm).len(), 2);
    cm.held.push(Meeting {
        actions: vec![Id::new("a1"), Id::new("a2")],
        open: vec![Id::new("a1")],
        ..Meeting::default()
    });
    let ids = |cm: &ChainMeeting| -> Vec<String> {
        shown_actions(cm)
            .iter()
            .map(|a| a.id.as_str().to_string())
            .collect()
    };
    assert_eq!(ids(&cm), ["a1"]);
    cm.actions[0].done = true;
    cm.actions.push(action("a3", "Added and done", "", true));
    cm.actions.push(action("a4", "Added", "", false));
    assert_eq!(ids(&cm), ["a1", "a3", "a4"]);
}

#[test]
fn statuses_are_summed_up_in_legend_order() {
    let st = |status| KpiState {
        kpi: Id::new("k"),
        name: String::new(),
        period: None,
        value: None,
        status,
        comment: None,
    };
    let kpis = [
        st(Status::OffTarget),
        st(Status::OnTarget),
        st(Status::OnTarget),
        st(Status::AtRisk),
    ];
    assert_eq!(
        status_summary(&kpis, Lang::En),
        "2 on target, 1 at risk, 1 off target"
    );
    assert_eq!(
        status_summary(&kpis, Lang::Nl),
        "2 op norm, 1 risico, 1 buiten norm"
    );
    assert_eq!(status_summary(&[], Lang::En), "");
}

#[test]
fn a_trend_is_its_values_oldest_first() {
    assert_eq!(
        trend_text(&[Some(91.0), None, Some(97.5)], Lang::En),
        "91 → – → 97.5"
    );
    assert_eq!(trend_text(&[Some(97.5)], Lang::Nl), "97,5");
    assert_eq!(trend_text(&[None, None], Lang::En), "");
    assert_eq!(value_text(Some(3.0), "days", Lang::En), "3 days");
    assert_eq!(value_text(Some(97.5), "%", Lang::Nl), "97,5%");
    assert_eq!(value_text(None, "%", Lang::Nl), "geen waarde");
}

#[test]
fn what_changed_since_the_last_meeting_reads_as_text_in_both_languages() {
    let mut m = coffee();
    let c = MeetingAt::Chain(chain_named(&m, "New coffee machine"));
    let k = kpi_named(&m, "Machines installed on time");
    let as_of = (2026, 11);
    m.apply(Edit::AddAction {
        at: c.clone(),
        action: action("a1", "Extra fitter", "2026-12", false),
        index: None,
    })
    .unwrap();
    let meeting = record(&m, &c, as_of, "2026-12-01").unwrap();
    m.apply(Edit::CloseMeeting {
        at: c.clone(),
        meeting: Box::new(meeting),
    })
    .unwrap();
    let ch = changes_since(&m, &c, as_of).unwrap();
    assert!(change_groups(&m, &c, &ch, Lang::En).is_empty());

    m.apply(Edit::SetValue {
        kpi: k.clone(),
        period: Period::Month { y: 2026, m: 11 },
        value: Some(80.0),
    })
    .unwrap();
    m.apply(Edit::SetAction {
        at: c.clone(),
        id: Id::new("a1"),
        field: ActionField::Done(true),
    })
    .unwrap();
    m.apply(Edit::AddAction {
        at: c.clone(),
        action: Action {
            id: Id::new("a2"),
            ..Action::default()
        },
        index: None,
    })
    .unwrap();
    let ch = changes_since(&m, &c, as_of).unwrap();
    let en = change_groups(&m, &c, &ch, Lang::En);
    let headings: Vec<&str> = en.iter().map(|g| g.heading).collect();
    assert_eq!(
        headings,
        [
            "Values changed",
            "Statuses changed",
            "Actions done",
            "Actions added"
        ]
    );
    assert_eq!(en[0].lines, ["Machines installed on time: 97.5% → 80%"]);
    assert_eq!(
        en[1].lines,
        ["Machines installed on time: on target → off target"]
    );
    assert_eq!(en[2].lines, ["Extra fitter (Planning)"]);
    assert_eq!(en[3].lines, ["(no text)"]);
    let nl = change_groups(&m, &c, &ch, Lang::Nl);
    assert_eq!(nl[0].heading, "Gewijzigde waarden");
    assert_eq!(nl[0].lines, ["Machines installed on time: 97,5% → 80%"]);
    assert_eq!(
        nl[1].lines,
        ["Machines installed on time: op norm → buiten norm"]
    );
}

#[test]
fn the_meeting_pack_has_one_page_per_chain_escaped_with_statuses_in_words() {
    let mut m = coffee();
    let c = MeetingAt::Chain(chain_named(&m, "New coffee machine"));
    let k = kpi_named(&m, "Machines installed on time");
    m.apply(Edit::SetComment {
        kpi: k.clone(),
        period: Period::Month { y: 2026, m: 11 },
        comment: "Fitter <b>ill</b> & late".into(),
    })
    .unwrap();
    m.apply(Edit::AddAction {
        at: c.clone(),
        action: action("a1", "Hire a \"second\" fitter", "2026-09", false),
        index: None,
    })
    .unwrap();
    m.apply(Edit::AddAction {
        at: c.clone(),
        action: action("a2", "Already done", "2026-09", true),
        index: None,
    })
    .unwrap();
    let today = day(2026, 12, 1);
    let html = meeting_pack_html(&m, (2026, 11), today, Lang::En);
    assert_eq!(
        html.matches("<section class=\"meeting-page\">").count(),
        m.chains.len()
    );
    assert!(html.contains("Fitter &lt;b&gt;ill&lt;/b&gt; &amp; late"));
    assert!(!html.contains("<b>ill</b>"));
    assert!(html.contains("Hire a &quot;second&quot; fitter"));
    assert!(html.contains("(overdue)"));
    assert!(!html.contains("Already done"), "done actions are not open");
    assert!(html.contains("✓ on target"));
    assert!(html.contains("97.5%"));
    assert!(html.contains("As of: <b>2026-11</b>"));

    let nl = meeting_pack_html(&m, (2026, 11), today, Lang::Nl);
    assert!(nl.contains("Ketenoverleg"));
    assert!(nl.contains("(te laat)"));
    assert!(nl.contains("✓ op norm"));
    assert!(nl.contains("97,5%"));
}

fn department_at(m: &Model, name: &str) -> MeetingAt {
    let d = m.departments.values().find(|d| d.name == name).unwrap();
    MeetingAt::Department(d.id.clone())
}

#[test]
fn a_department_meetings_rows_are_groups_by_chain_and_link() {
    let m = coffee();
    let at = department_at(&m, "Logistics");
    let groups = meeting_groups(&m, &at);
    let r = Reader::new(&m);
    let headings: Vec<String> = groups
        .iter()
        .map(|g| g.group.heading(&r, &at, Lang::En))
        .collect();
    // The handover Logistics receives in the supplies chain is a group of its own.
    assert_eq!(
        headings,
        [
            "New coffee machine · Logistics",
            "Coffee beans and ingredients · Handover Customer service (order intake) -> Logistics (picking and delivery)",
            "Coffee beans and ingredients · Logistics (picking and delivery)"
        ]
    );
    let kpis: Vec<Vec<Id>> = groups.iter().map(|g| g.kpis.clone()).collect();
    assert_eq!(
        kpis,
        [
            vec![kpi_named(&m, "Machines delivered on the planned day")],
            vec![kpi_named(
                &m,
                "Orders released to the warehouse the same day"
            )],
            vec![kpi_named(&m, "Orders picked correctly")]
        ]
    );
    // The table's rows: one per KPI, each group's first spanning it.
    let rows = meeting_rows(&m, &at);
    assert_eq!(rows.iter().map(|r| r.span).collect::<Vec<_>>(), [1, 1, 1]);
    // In the chain meeting the same link is headed by its own name only.
    let chain = MeetingAt::Chain(chain_named(&m, "New coffee machine"));
    let link = &groups[0].group;
    assert_eq!(link.heading(&r, &chain, Lang::En), "Logistics");
    // A handover is headed by its two links there (the arrow says it is a handover).
    let supplies = MeetingAt::Chain(chain_named(&m, "Coffee beans and ingredients"));
    assert_eq!(
        groups[1].group.heading(&r, &supplies, Lang::Nl),
        "Customer service (order intake) -> Logistics (picking and delivery)"
    );
}

#[test]
fn the_mt_meeting_shows_goals_chains_and_escalated_actions_with_where_they_came_from() {
    let mut m = coffee();
    // Result KPIs, goal by goal, headed by the goal.
    let groups = meeting_groups(&m, &MeetingAt::Mt);
    let r = Reader::new(&m);
    let headings: Vec<String> = groups
        .iter()
        .map(|g| g.group.heading(&r, &MeetingAt::Mt, Lang::Nl))
        .collect();
    assert_eq!(
        headings,
        ["Satisfied customers", "Loyal customers", "Healthy finances"]
    );
    assert!(read_goals_without_results(&r).is_empty());

    // Each chain in one line: its owner, its status as of the month, its open actions.
    let repair = chain_named(&m, "Breakdown repair");
    m.apply(Edit::AddAction {
        at: MeetingAt::Chain(repair.clone()),
        action: action("a1", "Spare parts in every van", "2026-12", false),
        index: None,
    })
    .unwrap();
    m.apply(Edit::AddAction {
        at: MeetingAt::Chain(repair.clone()),
        action: action("a2", "Done", "", true),
        index: None,
    })
    .unwrap();
    let lines = chain_lines(&m, (2026, 11), Lang::En);
    assert_eq!(lines.len(), m.chains.len());
    let line = lines.iter().find(|l| l.chain == repair).unwrap();
    assert_eq!(line.name, "Breakdown repair");
    assert_eq!(line.owner, "Service director");
    assert_eq!(line.open, 1);
    let statuses: Vec<Status> = m
        .chain_kpis_of(&repair)
        .map(|k| status_as_of(k, (2026, 11)))
        .collect();
    assert_eq!(
        line.status,
        kpi_structure::model::rollup::combine(statuses),
        "the chain's roll-up"
    );
    assert!(line.status.is_some());

    // Escalated actions, with where they came from, in both languages.
    assert!(escalated_lines(&m, Lang::En).is_empty());
    m.apply(Edit::SetAction {
        at: MeetingAt::Chain(repair.clone()),
        id: Id::new("a1"),
        field: ActionField::Escalated(true),
    })
    .unwrap();
    let service = department_at(&m, "Service");
    let mut up = action("a1", "A second van", "2027-Q1", false);
    up.escalated = true;
    m.apply(Edit::AddAction {
        at: service.clone(),
        action: up,
        index: None,
    })
    .unwrap();
    let from = |lang| -> Vec<String> {
        escalated_lines(&m, lang)
            .into_iter()
            .map(|l| l.from)
            .collect()
    };
    assert_eq!(
        from(Lang::En),
        ["Chain: Breakdown repair", "Department: Service"]
    );
    assert_eq!(
        from(Lang::Nl),
        ["Keten: Breakdown repair", "Afdeling: Service"]
    );
    let lines = escalated_lines(&m, Lang::En);
    assert_eq!(lines[1].at, service);

    // Its page in the pack: goals' KPIs, the chains, the escalations with their origin.
    let html = mt_page(&m, (2026, 11), day(2026, 12, 1), Lang::En);
    assert_eq!(html.matches("<section class=\"meeting-page\">").count(), 1);
    assert!(html.contains("<h2>MT meeting</h2>"));
    assert!(html.contains("Satisfied customers"));
    assert!(html.contains("Service director"));
    assert!(html.contains("Spare parts in every van"));
    assert!(html.contains("<td>Department: Service</td>"));
    let nl = mt_page(&m, (2026, 11), day(2026, 12, 1), Lang::Nl);
    assert!(nl.contains("MT-overleg") && nl.contains("Geëscaleerde acties"));

    // A goal without a result KPI is named.
    let g = m.goals.keys().next().unwrap().clone();
    m.kpis
        .retain(|_, k| k.at != Attach::Result { goal: g.clone() });
    let r = Reader::new(&m);
    assert_eq!(read_goals_without_results(&r), [&g]);
}

#[test]
fn a_department_page_prints_its_kpis_by_chain_and_marks_escalated_actions() {
    let mut m = coffee();
    let at = department_at(&m, "Logistics");
    let mut a = action("a1", "Check the <van> stock", "2026-09", false);
    a.escalated = true;
    m.apply(Edit::AddAction {
        at: at.clone(),
        action: a,
        index: None,
    })
    .unwrap();
    let html = department_pack_html(&m, (2026, 11), day(2026, 12, 1), Lang::En);
    assert_eq!(
        html.matches("<section class=\"meeting-page\">").count(),
        m.departments.len()
    );
    let MeetingAt::Department(d) = &at else {
        unreachable!()
    };
    let page = department_page(&m, d, (2026, 11), day(2026, 12, 1), Lang::En);
    assert!(page.contains("<h2>Department meeting · Logistics</h2>"));
    assert!(page.contains("New coffee machine · Logistics"));
    assert!(page.contains("Orders picked correctly"));
    assert!(page.contains("Check the &lt;van&gt; stock"));
    assert!(page.contains("Escalated to MT"));
    assert!(page.contains("(overdue)"));
    let nl = department_page(&m, d, (2026, 11), day(2026, 12, 1), Lang::Nl);
    assert!(nl.contains("Afdelingsoverleg") && nl.contains("Geëscaleerd naar MT"));
}

#[test]
fn each_meeting_page_is_followed_by_a_page_of_its_kpis_trend_charts() {
    let m = coffee();
    let today = day(2026, 12, 1);
    let html = meeting_pack_html(&m, (2026, 11), today, Lang::En);
    assert_eq!(
        html.matches("<section class=\"meeting-page pack-trends\">")
            .count(),
        m.chains.len()
    );
    // One chart per KPI of each chain's meeting (every coffee KPI has values up to 2026-11).
    let kpis: usize = m
        .chains
        .keys()
        .map(|c| {
            meeting_groups(&m, &MeetingAt::Chain(c.clone()))
                .iter()
                .map(|g| g.kpis.len())
                .sum::<usize>()
        })
        .sum();
    assert!(kpis > 0);
    assert_eq!(html.matches("<figure><svg").count(), kpis);
    assert!(html.contains("aria-label=\"Trend of Machines installed on time\""));
    assert!(html.contains("<figcaption>Machines installed on time</figcaption>"));
    let nl = meeting_pack_html(&m, (2026, 11), today, Lang::Nl);
    assert!(nl.contains("· Verloop</h2>"));

    // The MT meeting's page has the result KPIs' trends after it.
    let mt = mt_page(&m, (2026, 11), today, Lang::En);
    assert_eq!(mt.matches("pack-trends").count(), 1);

    // Without values there is nothing to draw, and no page of trends.
    let mut bare = m.clone();
    for k in bare.kpis.values_mut() {
        k.values = Default::default();
    }
    let html = meeting_pack_html(&bare, (2026, 11), today, Lang::En);
    assert!(!html.contains("pack-trends"));
}
