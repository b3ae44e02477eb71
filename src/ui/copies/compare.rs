//! The Compare dialog: the other copy (a saved model or a file), the list "Differences"
//! grouped by chain, and Merge into a new model `<name> (merged)`, asking about the fields
//! both copies changed differently.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::conflicts::ConflictChoices;
use super::modal::CopiesModal;
use super::points::read_point;
use crate::format::import_json;
use crate::model::compare::differences;
use crate::model::lineage::{ancestry, common_base};
use crate::model::merge::{merge, Merge, Side};
use crate::model::{Lang, Model};
use crate::present::compare::{conflict_text, grouped, ConflictText, Group};
use crate::storage::library::Summary;
use crate::storage::points::{Point, Why};
use crate::ui::files::read_text;
use crate::ui::i18n::tr;
use crate::ui::state::{fresh_id, now, use_app, App};

/// The copy the open model is compared with.
#[derive(Clone, Debug)]
struct Other {
    model: Model,
    /// "the saved model “X”" / "the file “x.kpi.json”".
    label: String,
    /// The versions it descends from (its content, its file's lineage, its restore points).
    ancestry: Vec<String>,
    /// Its restore points, if it is a saved model (a base may be among them).
    points: Vec<Point>,
}

/// A merge waiting for the user's choices.
#[derive(Clone, Debug)]
struct Pending {
    merge: Merge,
    mine: Model,
    items: Vec<ConflictText>,
}

fn saved_other(app: App, s: &Summary, lang: Lang) -> Option<Other> {
    let model = app.stored_model(&s.id)?;
    let points = app.points(&s.id);
    let ancestry = ancestry(&model, points.iter().rev().map(|p| p.hash.as_str()));
    Some(Other {
        label: lang.pick(
            format!("the saved model “{}”", s.name),
            format!("het opgeslagen model “{}”", s.name),
        ),
        model,
        ancestry,
        points,
    })
}

/// Finds the version both copies started from among the restore points (newest first).
async fn base_of(app: App, mine: &Model, other: &Other) -> Option<Model> {
    let my_points = app.points(&mine.id);
    let my_ancestry = ancestry(mine, my_points.iter().rev().map(|p| p.hash.as_str()));
    let candidates: Vec<&Point> = my_points
        .iter()
        .rev()
        .chain(other.points.iter().rev())
        .collect();
    let hash = common_base(
        candidates.iter().map(|p| p.hash.as_str()),
        &my_ancestry,
        &other.ancestry,
    )?;
    let point = candidates.into_iter().find(|p| p.hash == hash)?;
    read_point(point).await
}

/// Opens the merge as a new model, after a restore point of the open model.
fn finish(app: App, pending: &Pending, sides: &[Side]) {
    let lang = app.lang.get_untracked();
    let mut result = pending.merge.resolve(&pending.mine, sides);
    result.id = fresh_id('m');
    result.name = format!(
        "{} {}",
        pending.mine.name,
        lang.pick("(merged)", "(samengevoegd)")
    );
    result.created = now();
    if let Some(open) = app.doc.with_untracked(Model::clone) {
        super::make_point(app, Why::BeforeMerge, open);
    }
    app.copies.set(None);
    app.open_new(result);
}

#[component]
pub fn CompareDialog() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let other: RwSignal<Option<Other>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let mine_id = app.doc.with_untracked(|m| m.id.clone()).unwrap_or_default();
    let mine_name = app
        .doc
        .with_untracked(|m| m.name.clone())
        .unwrap_or_default();
    let others = {
        let mine_id = mine_id.clone();
        move || {
            app.listing.with(|l| {
                l.models
                    .iter()
                    .filter(|s| s.id != mine_id)
                    .cloned()
                    .collect::<Vec<Summary>>()
            })
        }
    };
    let choose = move |o: Option<Other>| {
        pending.set(None);
        problem.set(None);
        other.set(o);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let lang = lang.get_untracked();
            match read_text(&file).await.map(|t| import_json(&t)) {
                Ok(Ok(imported)) => {
                    let hashes: Vec<String> = imported
                        .lineage
                        .as_ref()
                        .map(|l| l.hashes().map(String::from).collect())
                        .unwrap_or_default();
                    let model = imported.model;
                    let ancestry = ancestry(&model, hashes.iter().map(String::as_str));
                    choose(Some(Other {
                        label: lang.pick(
                            format!("the file “{name}”"),
                            format!("het bestand “{name}”"),
                        ),
                        model,
                        ancestry,
                        points: Vec::new(),
                    }));
                }
                Ok(Err(errors)) => {
                    other.set(None);
                    problem.set(Some(errors.messages(lang).join(" ")));
                }
                Err(_) => {
                    other.set(None);
                    problem.set(Some(
                        lang.pick(
                            "This file could not be read.",
                            "Dit bestand kon niet worden gelezen.",
                        )
                        .to_string(),
                    ));
                }
            }
        });
    };
    // The differences, in words, grouped by chain.
    let groups = Memo::new(move |_| {
        let lang = lang.get();
        other.with(|o| {
            o.as_ref().and_then(|o| {
                app.doc.with_untracked(|mine| {
                    let diffs = differences(mine, &o.model);
                    (diffs.len(), grouped(&diffs, mine, &o.model, lang))
                })
            })
        })
    });
    let start_merge = move || {
        let Some(o) = other.get_untracked() else {
            return;
        };
        let Some(mine) = app.doc.with_untracked(Model::clone) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let base = base_of(app, &mine, &o).await;
            let merge = merge(base.as_ref(), &mine, &o.model);
            let lang = lang.get_untracked();
            let items = merge
                .conflicts
                .iter()
                .map(|c| conflict_text(c, &mine, &o.model, lang))
                .collect();
            let p = Pending { merge, mine, items };
            busy.set(false);
            if p.merge.conflicts.is_empty() {
                finish(app, &p, &[]);
            } else {
                pending.set(Some(p));
            }
        });
    };
    let title = Signal::derive(move || {
        lang.get().pick(
            format!("Compare “{mine_name}”"),
            format!("“{mine_name}” vergelijken"),
        )
    });
    view! {
        <CopiesModal title=title id="compare-title">
            <p class="copies-intro">
                {tr(lang, "Compare with another copy of this model: a saved model or a file someone sent you.", "Vergelijk met een andere kopie van dit model: een opgeslagen model of een bestand dat u kreeg.")}
            </p>
            <div class="copies-sources" role="group" aria-label=tr(lang, "Other copies", "Andere kopieën")>
                <For
                    each=others
                    key=|s| (s.id.clone(), s.name.clone(), s.rev)
                    children=move |s| {
                        let name = s.name.clone();
                        view! {
                            <button
                                type="button"
                                on:click=move |_| {
                                    let lang = lang.get_untracked();
                                    match saved_other(app, &s, lang) {
                                        Some(o) => choose(Some(o)),
                                        None => problem.set(Some(lang.pick("This model could not be read.", "Dit model kon niet worden gelezen.").to_string())),
                                    }
                                }
                            >
                                {name}
                            </button>
                        }
                    }
                />
                <label class="file-button">
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,application/json"
                        aria-label=tr(lang, "Compare with file", "Vergelijken met bestand")
                        on:change=on_file
                    />
                    <span aria-hidden="true">{tr(lang, "Compare with file", "Vergelijken met bestand")}</span>
                </label>
            </div>
            <Show when=move || problem.with(Option::is_some)>
                <p class="banner banner-error" role="alert">{move || problem.get()}</p>
            </Show>
            {move || {
                let (n, groups) = groups.get()?;
                let label = other.with(|o| o.as_ref().map(|o| o.label.clone())).unwrap_or_default();
                Some(view! {
                    <div class="copies-result">
                        <h3>
                            {move || match (lang.get(), n) {
                                (Lang::En, 0) => format!("No differences with {label}"),
                                (Lang::En, 1) => format!("1 difference with {label}"),
                                (Lang::En, n) => format!("{n} differences with {label}"),
                                (Lang::Nl, 0) => format!("Geen verschillen met {label}"),
                                (Lang::Nl, 1) => format!("1 verschil met {label}"),
                                (Lang::Nl, n) => format!("{n} verschillen met {label}"),
                            }}
                        </h3>
                        <DifferenceList groups=groups />
                        <Show when=move || pending.with(Option::is_none)>
                            <p class="muted copies-hint">
                                {tr(lang, "Merge makes a new model with the changes of both copies; both copies stay as they are. Fields changed differently in both ask which to keep.", "Samenvoegen maakt een nieuw model met de wijzigingen van beide kopieën; beide kopieën blijven zoals ze zijn. Velden die in beide anders zijn gewijzigd, vragen wat u houdt.")}
                            </p>
                            <button
                                type="button"
                                class="primary"
                                disabled=move || busy.get() || n == 0
                                on:click=move |_| start_merge()
                            >
                                {tr(lang, "Merge", "Samenvoegen")}
                            </button>
                        </Show>
                    </div>
                })
            }}
            {move || {
                pending.get().map(|p| {
                    let how = if p.merge.three_way {
                        tr(lang, "Both copies started from a version kept here: changes made in one copy only are taken.", "Beide kopieën begonnen bij een hier bewaarde versie: wat in één kopie is gewijzigd, wordt overgenomen.")
                    } else {
                        tr(lang, "No version both copies started from was found, so every difference asks.", "Er is geen versie gevonden waar beide kopieën bij begonnen; daarom vraagt elk verschil.")
                    };
                    let items = p.items.clone();
                    let three_way = p.merge.three_way;
                    let on_finish = Callback::new(move |sides: Vec<Side>| finish(app, &p, &sides));
                    view! {
                        <p class="muted">{how}</p>
                        <ConflictChoices items=items group="merge" three_way=three_way on_finish=on_finish />
                    }
                })
            }}
        </CopiesModal>
    }
}

/// The list "Differences": one item per chain (or other group), holding its heading and the
/// list of its differences, one item each.
#[component]
fn DifferenceList(groups: Vec<Group>) -> impl IntoView {
    let app = use_app();
    let rows = groups
        .into_iter()
        .map(|g| {
            let lines = g
                .lines
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            // A group is one item: its chain's heading and its own list of differences.
            view! {
                <li class="difference-group">
                    <h4>{g.title}</h4>
                    <ul>{lines}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="difference-list" aria-label=tr(app.lang, "Differences", "Verschillen")>
            {rows}
        </ul>
    }
}
