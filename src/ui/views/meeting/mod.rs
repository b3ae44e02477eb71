//! The three meeting views, readable on a projector, as of the "As of" month. The Meeting
//! view: the chain meeting (*ketenoverleg*) of one chain: the chain's flow with each link's
//! status ([`flow`]), the KPIs it discusses with value, norm, status, trend and a comment per
//! KPI ([`kpis`]), what changed since the last meeting ([`history`]); under them the actions
//! ([`actions`]), attendance, notes and "Close meeting" ([`close`]) and the earlier meetings
//! ([`history`]). The department meeting ([`department`]) and the MT meeting ([`mt`]) are
//! built from the same parts, each on its own meeting (`MeetingAt`).
//!
//! The model and its edits are `model::meeting` and `model::agenda`; texts that need no
//! browser are in `present::meeting`.

mod actions;
mod close;
mod department;
mod flow;
mod history;
mod kpis;
mod mt;
mod record;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::model::meeting::MeetingAt;
use crate::model::{Date, Id, Target};
use crate::present::chains::read_chain_of;
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, App, View};
use crate::ui::views::names::live_name;

/// The chain on show: the selection's chain, else the one shown before, else the first.
pub(crate) fn shown_chain(app: App) -> Memo<Option<Id>> {
    Memo::new(move |prev: Option<&Option<Id>>| {
        app.doc
            .read(|r| {
                let chains: Vec<&Id> = r.chain_ids().collect();
                let keep = |c: &Id| chains.contains(&c);
                let selected = app.selection.with(|s| read_chain_of(r, s.as_ref()));
                selected
                    .filter(|c| keep(c))
                    .or_else(|| prev.cloned().flatten().filter(|c| keep(c)))
                    .or_else(|| chains.first().map(|c| (*c).clone()))
            })
            .flatten()
    })
}

/// The chains, in order.
pub(crate) fn chain_ids(app: App) -> Memo<Vec<Id>> {
    Memo::new(move |_| {
        app.doc
            .read(|r| r.chain_ids().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    })
}

/// A chain's links, in order (depends on its links only).
pub(crate) fn link_ids(app: App, chain: Id) -> Memo<Vec<Id>> {
    Memo::new(move |_| {
        app.doc
            .read(|r| r.link_ids(&chain).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    })
}

/// Today in local time (for "Close meeting" and overdue actions).
pub(crate) fn today_date() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or(Date {
        y: 2000,
        m: 1,
        d: 1,
    })
}

/// What every meeting shows under its own part: what changed since the last meeting, then
/// the actions, notes (and a chain's attendance) with "Close meeting", and the earlier
/// meetings.
fn lower(at: MeetingAt) -> impl IntoView {
    view! {
        <history::Changes at=at.clone() />
        <div class="meeting-lower">
            <actions::Actions at=at.clone() />
            <close::Close at=at.clone() />
            <history::Earlier at=at />
        </div>
    }
}

/// A meeting view's head: a `<select>` named `label` of `ids` (each option the element's live
/// name; picking one selects `target(id)`), and the title "<title> · <name> · as of <month>".
/// `ids` empty: `empty` instead, and nothing else.
pub(crate) fn meeting_head(
    app: App,
    label: (&'static str, &'static str),
    title: (&'static str, &'static str),
    ids: Memo<Vec<Id>>,
    current: Memo<Option<Id>>,
    target: fn(Id) -> Target,
) -> impl IntoView {
    let on_pick = move |ev| {
        let id = Id::new(event_target_value(&ev));
        app.selection.set(Some(target(id)));
    };
    view! {
        <div class="meeting-head">
            <label class="meeting-chain">
                <span>{tr(app.lang, label.0, label.1)}</span>
                <select
                    on:change=on_pick
                    prop:value=move || current.get().map(|c| c.to_string()).unwrap_or_default()
                >
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <option
                            value=id.to_string()
                            selected={
                                let id = id.clone();
                                move || current.with(|c| c.as_ref() == Some(&id))
                            }
                        >
                            {live_name(app, target(id.clone()))}
                        </option>
                    </For>
                </select>
            </label>
            <h2 class="meeting-title">
                {tr(app.lang, title.0, title.1)}
                " · "
                {move || current.get().map(|id| live_name(app, target(id))())}
                " · "
                {as_of_text(app)}
            </h2>
        </div>
    }
}

/// "as of 2026-11", live.
pub(crate) fn as_of_text(app: App) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        format!(
            "{} {}",
            app.lang.get().pick("as of", "stand per"),
            crate::model::steer::month_text(app.as_of.get())
        )
    }
}

/// The meeting view of the tab on show: the department meeting, the chain meeting or the MT
/// meeting (one lazy part and one branch of the view panel; a switch between them unmounts
/// the old one at once). Another tab keeps the last one until the panel removes it.
#[component]
pub fn MeetingsView() -> impl IntoView {
    let app = use_app();
    let level = Memo::new(move |prev: Option<&View>| match app.view.get() {
        v @ (View::DepartmentMeeting | View::Meeting | View::MtMeeting) => v,
        _ => prev.copied().unwrap_or(View::Meeting),
    });
    move || match level.get() {
        View::DepartmentMeeting => EitherOf3::A(view! { <department::DepartmentMeetingView /> }),
        View::MtMeeting => EitherOf3::B(view! { <mt::MtMeetingView /> }),
        _ => EitherOf3::C(view! { <MeetingView /> }),
    }
}

#[component]
pub fn MeetingView() -> impl IntoView {
    let app = use_app();
    let current = shown_chain(app);
    let chain_ids = chain_ids(app);
    let empty = move || {
        app.lang.get().pick(
            "This model has no customer chains yet. A chain meeting discusses one chain: add one with “Add chain”.",
            "Dit model heeft nog geen klantketens. Een ketenoverleg bespreekt één keten: voeg er een toe met “Keten toevoegen”.",
        )
    };
    view! {
        <div class="view view-meeting">
            <Show
                when=move || chain_ids.with(|c| !c.is_empty())
                fallback=move || view! { <p class="muted">{empty}</p> }
            >
                {meeting_head(
                    app,
                    ("Chain", "Keten"),
                    ("Chain meeting", "Ketenoverleg"),
                    chain_ids,
                    current,
                    Target::Chain,
                )}
                {move || {
                    current
                        .get()
                        .map(|chain| {
                            let at = MeetingAt::Chain(chain.clone());
                            view! {
                                <ChainValues chain=chain.clone() />
                                // The flow and the KPIs first, so a chain of 6 links and 12
                                // KPIs fits a projector's 1280x800 whatever changed; what
                                // changed since the last meeting follows right under them.
                                <flow::MeetingFlow chain=chain />
                                <kpis::MeetingKpis at=at.clone() />
                                {lower(at)}
                            }
                        })
                }}
            </Show>
        </div>
    }
}

/// The chain's customer value and internal value, the two things its KPIs weigh (only those
/// set; nothing when neither is).
#[component]
fn ChainValues(chain: Id) -> impl IntoView {
    let app = use_app();
    let values = Memo::new(move |_| {
        app.doc
            .read(|r| {
                r.chain(&chain).map(|c| {
                    (
                        c.customer_value.trim().to_string(),
                        c.internal_value.trim().to_string(),
                    )
                })
            })
            .flatten()
            .unwrap_or_default()
    });
    let item = move |label: Signal<&'static str>, pick: fn(&(String, String)) -> &String| {
        move || {
            let text = values.with(|v| pick(v).clone());
            (!text.is_empty()).then(|| {
                let title = text.clone();
                view! {
                    <div>
                        <dt>{label}</dt>
                        <dd title=title>{text}</dd>
                    </div>
                }
            })
        }
    };
    view! {
        <Show when=move || values.with(|(c, i)| !c.is_empty() || !i.is_empty())>
            <dl class="meeting-values">
                {item(tr(app.lang, "Customer value", "Klantwaarde"), |v| &v.0)}
                {item(tr(app.lang, "Internal value", "Interne waarde"), |v| &v.1)}
            </dl>
        </Show>
    }
}
