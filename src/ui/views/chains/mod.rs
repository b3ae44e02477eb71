//! The Chains view: a chain picker, a small toolbar to move the selected link, and the selected
//! chain as a left-to-right flow (see [`flow::ChainFlow`]).

pub mod flow;

use crate::ui::views::find::FindBox;
use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::{Edit, Id, Lang, Target};
use crate::present::chains::or_unnamed;
use crate::present::diagram::chain_svg::chain_svg;
use crate::present::picture::png_file_name;
use crate::ui::files::export_png_now;
use crate::ui::state::{use_app, App};
use crate::ui::views::meeting::{chain_ids, shown_chain};

pub use flow::ChainFlow;

use super::names::live_name;

/// "Export PNG": the chain on show as a picture, its KPIs as of "As of", in the UI language.
fn export_chain_png(app: App, chain: Id) {
    let (lang, as_of) = (app.lang.get_untracked(), app.as_of.get_untracked());
    export_png_now(app, move || {
        app.doc
            .with_untracked(|m| {
                let svg = chain_svg(m, &chain, lang, as_of)?;
                let name = or_unnamed(&m.chains.get(&chain)?.name, lang);
                Some((svg, png_file_name(&m.name, &name)))
            })
            .flatten()
    });
}

#[component]
pub fn ChainsView() -> impl IntoView {
    let app = use_app();
    // The chain on show: the selection's chain, else the one shown before, else the first.
    let current = shown_chain(app);
    let chain_ids = chain_ids(app);

    view! {
        <div class="view view-chains">
            <Show
                when=move || chain_ids.with(|c| !c.is_empty())
                fallback=move || {
                    view! {
                        <p class="chains-empty muted">
                            {move || {
                                app.lang
                                    .get()
                                    .pick(
                                        "This model has no customer chains yet. Use “Add chain” to add one: from a customer need to the product or service that fulfils it.",
                                        "Dit model heeft nog geen klantketens. Voeg er een toe met “Keten toevoegen”: van klantbehoefte tot het product of de dienst die erin voorziet.",
                                    )
                            }}
                        </p>
                    }
                }
            >
                // "Find": the chain shown follows the selection (a link's or a KPI's chain).
                <FindBox on_pick=Callback::new(move |t| app.selection.set(Some(t))) />
                <ChainPicker chain_ids=chain_ids current=current />
                <MoveToolbar />
                {move || {
                    current
                        .get()
                        .map(|id| {
                            let chain = id.clone();
                            view! {
                                <div class="chains-head">
                                    <h2 class="chains-title">
                                        {live_name(app, Target::Chain(id))}
                                    </h2>
                                    <button
                                        type="button"
                                        class="chains-export"
                                        on:click=move |_| export_chain_png(app, chain.clone())
                                    >
                                        {tr(app.lang, "Export PNG", "PNG exporteren")}
                                    </button>
                                </div>
                            }
                        })
                }}
                {move || current.get().map(|id| view! { <ChainFlow chain=id title=false /> })}
            </Show>
        </div>
    }
}

/// The model's chains as buttons; the one on show is pressed.
#[component]
fn ChainPicker(chain_ids: Memo<Vec<Id>>, current: Memo<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let shown = Selector::new(move || current.get());
    view! {
        <nav
            class="chain-picker"
            aria-label=tr(app.lang, "Customer chains", "Klantketens")
        >
            <ul>
                {move || {
                    chain_ids
                        .get()
                        .into_iter()
                        .map(|id| {
                            let name = live_name(app, Target::Chain(id.clone()));
                            let on_show = {
                                let shown = shown.clone();
                                let key = Some(id.clone());
                                move || shown.selected(&key)
                            };
                            let pressed = on_show.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chain-pick"
                                        class:current=on_show
                                        aria-pressed=move || pressed().to_string()
                                        on:click=move |_| app.selection.set(Some(Target::Chain(id.clone())))
                                    >
                                        {name}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// Where the selected link stands: its chain, id, index and the chain's length.
#[derive(Clone, Debug, PartialEq)]
struct LinkPos {
    chain: Id,
    link: Id,
    index: usize,
    len: usize,
    name: String,
}

/// "Move left" / "Move right" for the selected link.
#[component]
fn MoveToolbar() -> impl IntoView {
    let app = use_app();
    let pos = Memo::new(move |_| {
        let (chain, link) = app.selection.with(|s| match s {
            Some(Target::Link { chain, link }) => Some((chain.clone(), link.clone())),
            _ => None,
        })?;
        let _target = Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        };
        app.doc
            .read(|r| {
                let links: Vec<&Id> = r.link_ids(&chain).collect();
                let index = links.iter().position(|l| **l == link)?;
                let name = r.link(&chain, &link)?.name.clone();
                Some(LinkPos {
                    len: links.len(),
                    chain,
                    link,
                    index,
                    name,
                })
            })
            .flatten()
    });
    let move_by = move |delta: isize| {
        let Some(p) = pos.get_untracked() else {
            return;
        };
        let to = p.index as isize + delta;
        if to < 0 || to as usize >= p.len {
            return;
        }
        app.edit(
            Edit::MoveLink {
                chain: p.chain,
                link: p.link,
                to: to as usize,
            },
            false,
        );
    };
    let can_left = move || pos.with(|p| p.as_ref().is_some_and(|p| p.index > 0));
    let can_right = move || pos.with(|p| p.as_ref().is_some_and(|p| p.index + 1 < p.len));
    view! {
        <div
            class="chains-toolbar"
            role="toolbar"
            aria-label=tr(app.lang, "Link order", "Volgorde van schakels")
        >
            <button type="button" disabled=move || !can_left() on:click=move |_| move_by(-1)>
                <span aria-hidden="true">"← "</span>
                {tr(app.lang, "Move left", "Naar links")}
            </button>
            <button type="button" disabled=move || !can_right() on:click=move |_| move_by(1)>
                {tr(app.lang, "Move right", "Naar rechts")}
                <span aria-hidden="true">" →"</span>
            </button>
            <span class="chains-hint muted">
                {move || {
                    let lang = app.lang.get();
                    match pos.get() {
                        Some(p) => {
                            let name = or_unnamed(&p.name, lang);
                            match lang {
                                Lang::En => {
                                    format!("Link “{name}”: {} of {}", p.index + 1, p.len)
                                }
                                Lang::Nl => {
                                    format!("Schakel “{name}”: {} van {}", p.index + 1, p.len)
                                }
                            }
                        }
                        None => {
                            lang.pick(
                                    "Select a link to move it, or drag it to another place.",
                                    "Kies een schakel om hem te verplaatsen, of sleep hem naar een andere plek.",
                                )
                                .to_string()
                        }
                    }
                }}
            </span>
        </div>
    }
}
