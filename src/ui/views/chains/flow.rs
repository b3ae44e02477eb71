//! One customer chain as a left-to-right flow: customer need -> links -> product or service,
//! with the owner and the customer, the chain KPIs above and each link's KPIs under it.
//! Links reorder by drag and drop (one `MoveLink` edit per drop).
//!
//! Standalone: needs only the app state from context (used by the Chains view and for print
//! cards). Fine-grained: links are keyed by id and every text reads only its own element.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::{Attach, Chain, Edit, Id, Link, Target};
use crate::present::chains::{or_unnamed, read_name_of};
use crate::ui::state::{use_app, App};
use crate::ui::views::agreements::LinkAgreements;
use crate::ui::views::status::{KpiStanding, RollupDot};

/// The selection as a [`Selector`], so only the buttons whose "selected" state changes update.
type Sel = Selector<Option<Target>>;

/// A chain's KPIs: chain KPIs, the link KPIs per link and the KPIs of the handover after each
/// link (model order).
#[derive(Clone, Debug, Default, PartialEq)]
struct ChainKpis {
    chain: Vec<Id>,
    links: HashMap<Id, Vec<Id>>,
    handovers: HashMap<Id, Vec<Id>>,
}

/// The drag data type of a link being moved (its id), so a drop knows the link even when the
/// note made at dragstart is gone.
const LINK_MIME: &str = "application/x-kpi-structure-link";

/// True if a drag carries a link of ours (its data can only be read at the drop).
fn carries_link(ev: &leptos::ev::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&LINK_MIME.into(), 0))
}

/// Reads one chain, depending on `topic` (its fields, or its links).
fn read_chain<T: Default>(app: App, chain: &Id, f: impl FnOnce(&Chain) -> T) -> T {
    app.doc
        .read(|r| r.chain(chain).map(f))
        .flatten()
        .unwrap_or_default()
}

/// Reads one link's fields.
fn read_link<T: Default>(app: App, chain: &Id, link: &Id, f: impl FnOnce(&Link) -> T) -> T {
    app.doc
        .read(|r| r.link(chain, link).map(f))
        .flatten()
        .unwrap_or_default()
}

/// A button that selects `target`, showing `name`; pressed while `target` is selected.
pub(crate) fn select_button(
    app: App,
    sel: &Sel,
    target: Target,
    class: &'static str,
    name: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let key = Some(target.clone());
    let selected = {
        let sel = sel.clone();
        move || sel.selected(&key)
    };
    let pressed = selected.clone();
    view! {
        <button
            type="button"
            class=class
            class:selected=selected
            aria-pressed=move || pressed().to_string()
            on:click=move |_| app.selection.set(Some(target.clone()))
        >
            {name}
        </button>
    }
}

/// A KPI's name as a button selecting it.
pub(crate) fn kpi_button(app: App, sel: &Sel, kpi: Id, class: &'static str) -> impl IntoView {
    let name = {
        let kpi = kpi.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| read_name_of(r, &Target::Kpi(kpi.clone()), lang))
                .unwrap_or_default()
        })
    };
    select_button(app, sel, Target::Kpi(kpi), class, move || name.get())
}

/// One chain's flow. `title`: show the chain's name as a button above the flow (the Chains
/// view has its own picker and heading, so it passes `false`).
#[component]
pub fn ChainFlow(chain: Id, #[prop(default = true)] title: bool) -> impl IntoView {
    let app = use_app();
    let sel: Sel = Selector::new(move || app.selection.get());

    let links = {
        let chain = chain.clone();
        Memo::new(move |_| {
            app.doc
                .read(|r| r.link_ids(&chain).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let kpis = {
        let chain = chain.clone();
        // Depends on the KPIs at this chain and at each of its links only.
        Memo::new(move |_| {
            app.doc
                .read(|r| {
                    let at = Attach::Chain {
                        chain: chain.clone(),
                    };
                    let mut out = ChainKpis {
                        chain: r.kpis_at(&at).cloned().collect(),
                        ..ChainKpis::default()
                    };
                    for link in r.link_ids(&chain) {
                        let at = Attach::Link {
                            chain: chain.clone(),
                            link: link.clone(),
                        };
                        out.links
                            .insert(link.clone(), r.kpis_at(&at).cloned().collect());
                        let at = Attach::Handover {
                            chain: chain.clone(),
                            link: link.clone(),
                        };
                        out.handovers
                            .insert(link.clone(), r.kpis_at(&at).cloned().collect());
                    }
                    out
                })
                .unwrap_or_default()
        })
    };
    let field = |f: fn(&Chain) -> String| {
        let chain = chain.clone();
        Memo::new(move |_| read_chain(app, &chain, f))
    };
    let name = field(|c| c.name.clone());
    let owner = field(|c| c.owner.clone());
    let customer = field(|c| c.customer.clone());
    let trigger = field(|c| c.trigger.clone());
    let outcome = field(|c| c.outcome.clone());
    let customer_value = field(|c| c.customer_value.clone());
    let internal_value = field(|c| c.internal_value.clone());

    // Drag and drop: the link being dragged and the link under the pointer.
    let dragging = RwSignal::new(None::<Id>);
    let over = RwSignal::new(None::<Id>);

    let heading = title.then(|| {
        view! {
            <h3 class="flow-title">
                {select_button(
                    app,
                    &sel,
                    Target::Chain(chain.clone()),
                    "flow-chain-name",
                    move || or_unnamed(&name.get(), app.lang.get()),
                )}
            </h3>
        }
    });

    // One level under the chain's name: under this flow's own title, or under the view's.
    let kpis_heading = {
        let words = tr(app.lang, "Chain KPIs", "Keten-KPI's");
        let dot = view! { <RollupDot at=Attach::Chain { chain: chain.clone() } /> };
        if title {
            view! { <h4 class="chip-row">{words}{dot}</h4> }.into_any()
        } else {
            view! { <h3 class="chip-row">{words}{dot}</h3> }.into_any()
        }
    };

    let sel_kpis = sel.clone();
    let sel_links = sel.clone();
    let chain_for_links = chain.clone();
    let empty = move |s: String| {
        if s.trim().is_empty() {
            app.lang.get().pick("not set", "niet ingevuld").to_string()
        } else {
            s
        }
    };

    view! {
        <div class="chain-flow">
            {heading}
            <dl class="flow-meta">
                <div>
                    <dt>{tr(app.lang, "Chain owner", "Keteneigenaar")}</dt>
                    <dd class:unset=move || owner.with(|s| s.trim().is_empty())>
                        {move || empty(owner.get())}
                    </dd>
                </div>
                <div>
                    <dt>{tr(app.lang, "Customer", "Klant")}</dt>
                    <dd class:unset=move || customer.with(|s| s.trim().is_empty())>
                        {move || empty(customer.get())}
                    </dd>
                </div>
                <div>
                    <dt>{tr(app.lang, "Customer value", "Klantwaarde")}</dt>
                    <dd class:unset=move || customer_value.with(|s| s.trim().is_empty())>
                        {move || empty(customer_value.get())}
                    </dd>
                </div>
                <div>
                    <dt>{tr(app.lang, "Internal value", "Interne waarde")}</dt>
                    <dd class:unset=move || internal_value.with(|s| s.trim().is_empty())>
                        {move || empty(internal_value.get())}
                    </dd>
                </div>
            </dl>
            <section class="flow-chain-kpis">
                {kpis_heading}
                <Show
                    when=move || kpis.with(|k| !k.chain.is_empty())
                    fallback=move || {
                        view! {
                            <p class="muted flow-none">
                                {move || {
                                    app.lang
                                        .get()
                                        .pick(
                                            "No chain KPIs yet (the method advises 2 to 3).",
                                            "Nog geen keten-KPI's (de methode adviseert er 2 tot 3).",
                                        )
                                }}
                            </p>
                        }
                    }
                >
                    <ul class="kpi-chips">
                        <For
                            each=move || kpis.with(|k| k.chain.clone())
                            key=|id| id.clone()
                            children={
                                let sel = sel_kpis.clone();
                                move |id: Id| view! { <li class="chip-row">{kpi_button(app, &sel, id.clone(), "kpi-chip chain-kpi")} <KpiStanding id trend=true /></li> }
                            }
                        />
                    </ul>
                </Show>
            </section>
            <ol class="flow">
                <li class="flow-step">
                    <div class="flow-end flow-trigger">
                    <span class="flow-end-label">
                        {move || {
                            app.lang.get().pick("Customer need (trigger)", "Klantbehoefte (aanleiding)")
                        }}
                    </span>
                    <span class="flow-end-text" class:unset=move || trigger.with(|s| s.trim().is_empty())>
                        {move || empty(trigger.get())}
                    </span>
                    </div>
                </li>
                <For
                    each=move || links.get()
                    key=|id| id.clone()
                    children=move |link| {
                        view! {
                            <LinkCard
                                chain=chain_for_links.clone()
                                link=link
                                links=links
                                kpis=kpis
                                sel=sel_links.clone()
                                dragging=dragging
                                over=over
                            />
                        }
                    }
                />
                <li class="flow-step">
                    <span class="flow-arrow" aria-hidden="true"></span>
                    <div class="flow-end flow-outcome">
                    <span class="flow-end-label">
                        {move || {
                            app.lang
                                .get()
                                .pick("Product or service (outcome)", "Product of dienst (resultaat)")
                        }}
                    </span>
                    <span class="flow-end-text" class:unset=move || outcome.with(|s| s.trim().is_empty())>
                        {move || empty(outcome.get())}
                    </span>
                    </div>
                </li>
            </ol>
            <Show when=move || links.with(|l| l.is_empty())>
                <p class="muted flow-none">
                    {move || {
                        app.lang
                            .get()
                            .pick(
                                "No links yet: select the chain and use “Add link”.",
                                "Nog geen schakels: kies de keten en gebruik “Schakel toevoegen”.",
                            )
                    }}
                </p>
            </Show>
        </div>
    }
}

/// One link of the flow: department, name, external mark, its link KPIs; draggable.
#[component]
fn LinkCard(
    chain: Id,
    link: Id,
    links: Memo<Vec<Id>>,
    kpis: Memo<ChainKpis>,
    sel: Sel,
    dragging: RwSignal<Option<Id>>,
    over: RwSignal<Option<Id>>,
) -> impl IntoView {
    let app = use_app();
    let name = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| read_link(app, &chain, &link, |l| l.name.clone()))
    };
    let external = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| read_link(app, &chain, &link, |l| l.external))
    };
    let touches = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| read_link(app, &chain, &link, |l| l.touches_customer))
    };
    let department = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| {
            let d = read_link(app, &chain, &link, |l| l.department.clone())?;
            app.doc
                .read(|r| r.department(&d).map(|d| d.name.clone()))
                .flatten()
        })
    };
    let link_kpis = {
        let link = link.clone();
        Memo::new(move |_| kpis.with(|k| k.links.get(&link).cloned().unwrap_or_default()))
    };
    let selected = {
        let sel = sel.clone();
        let key = Some(Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        });
        move || sel.selected(&key)
    };
    let index_of = move |id: &Id| links.with_untracked(|l| l.iter().position(|x| x == id));

    // Where a drop on this card would put the dragged link ("take this card's place"), and
    // on which side of the card the marker shows.
    let drop_side = {
        let link = link.clone();
        move || {
            if over.with(|o| o.as_ref() != Some(&link)) {
                return None;
            }
            let from = dragging.with(|d| d.as_ref().and_then(index_of))?;
            let to = index_of(&link)?;
            (from != to).then_some(from < to)
        }
    };
    let drop_before = {
        let side = drop_side.clone();
        move || side() == Some(false)
    };
    let drop_after = move || drop_side() == Some(true);

    let on_dragstart = {
        let link = link.clone();
        move |ev: leptos::ev::DragEvent| {
            if let Some(dt) = ev.data_transfer() {
                let _ = dt.set_data("text/plain", link.as_str());
                let _ = dt.set_data(LINK_MIME, link.as_str());
                dt.set_effect_allowed("move");
            }
            dragging.set(Some(link.clone()));
        }
    };
    let on_dragover = {
        let link = link.clone();
        move |ev: leptos::ev::DragEvent| {
            if dragging.with_untracked(|d| d.is_none()) && !carries_link(&ev) {
                return;
            }
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("move");
            }
            if over.with_untracked(|o| o.as_ref() != Some(&link)) {
                over.set(Some(link.clone()));
            }
        }
    };
    let on_drop = {
        let (chain, link) = (chain.clone(), link.clone());
        move |ev: leptos::ev::DragEvent| {
            // The link being dragged: as dragstart noted it, or as the drag carries it (the
            // previous drag's late dragend may have cleared the note).
            let carried = || {
                ev.data_transfer()
                    .and_then(|dt| dt.get_data(LINK_MIME).ok())
                    .filter(|id| !id.is_empty())
                    .map(Id::new)
            };
            let Some(moved) = dragging.get_untracked().or_else(carried) else {
                return;
            };
            ev.prevent_default();
            dragging.set(None);
            over.set(None);
            let (Some(from), Some(to)) = (index_of(&moved), index_of(&link)) else {
                return;
            };
            if from != to {
                let chain = chain.clone();
                app.edit_then(
                    Edit::MoveLink {
                        chain: chain.clone(),
                        link: moved.clone(),
                        to,
                    },
                    move || app.selection.set(Some(Target::Link { chain, link: moved })),
                );
            }
        }
    };
    let on_dragend = move |_| {
        dragging.set(None);
        over.set(None);
    };
    let is_dragged = {
        let link = link.clone();
        move || dragging.with(|d| d.as_ref() == Some(&link))
    };

    let sel_handover = sel.clone();
    let name_button = select_button(
        app,
        &sel,
        Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        },
        "link-name",
        move || or_unnamed(&name.get(), app.lang.get()),
    );

    view! {
        <li class="flow-step">
            <span class="flow-arrow" aria-hidden="true"></span>
            <div class="link-stack">
            <div
                class="link-card"
                class:selected=selected
                class:external=move || external.get()
                class:dragged=is_dragged
                class:drop-before=drop_before
                class:drop-after=drop_after
                draggable="true"
                on:dragstart=on_dragstart
                on:dragover=on_dragover
                on:drop=on_drop
                on:dragend=on_dragend
            >
                <div class="link-head">
                    <RollupDot at=Attach::Link { chain: chain.clone(), link: link.clone() } />
                    <span class="link-dept">
                        {move || {
                            department
                                .get()
                                .unwrap_or_else(|| {
                                    if external.get() {
                                        String::new()
                                    } else {
                                        app.lang.get().pick("no department", "geen afdeling").to_string()
                                    }
                                })
                        }}
                    </span>
                    <Show when=move || external.get()>
                        <span class="link-external">
                            {tr(app.lang, "External", "Extern")}
                        </span>
                    </Show>
                    <Show when=move || touches.get()>
                        <span
                            class="link-touch"
                            title=tr(app.lang, "Touches the customer: a moment of truth", "Raakt de klant: een moment van de waarheid")
                        >
                            {tr(app.lang, "Customer contact", "Klantcontact")}
                        </span>
                    </Show>
                </div>
                {name_button}
                <LinkAgreements chain=chain.clone() link=link.clone() />
                <Show when=move || link_kpis.with(|k| !k.is_empty())>
                    <ul class="kpi-chips link-kpis">
                        <For
                            each=move || link_kpis.get()
                            key=|id| id.clone()
                            children={
                                let sel = sel.clone();
                                move |id: Id| view! { <li class="chip-row">{kpi_button(app, &sel, id.clone(), "kpi-chip link-kpi")} <KpiStanding id trend=true /></li> }
                            }
                        />
                    </ul>
                </Show>
            </div>
            <HandoverCard chain=chain.clone() link=link.clone() links=links kpis=kpis sel=sel_handover />
            </div>
        </li>
    }
}

/// The handover after a link: a button selecting it (named "Handover Sales -> Planning"),
/// what is handed over and its KPIs. Shown after every link but the last, and after the last
/// only when it has a text or KPIs (`model::handover`).
#[component]
fn HandoverCard(
    chain: Id,
    link: Id,
    links: Memo<Vec<Id>>,
    kpis: Memo<ChainKpis>,
    sel: Sel,
) -> impl IntoView {
    let app = use_app();
    let target = Target::Handover {
        chain: chain.clone(),
        link: link.clone(),
    };
    let text = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| read_link(app, &chain, &link, |l| l.handover.trim().to_string()))
    };
    let handover_kpis = {
        let link = link.clone();
        Memo::new(move |_| kpis.with(|k| k.handovers.get(&link).cloned().unwrap_or_default()))
    };
    let shown = {
        let link = link.clone();
        move || {
            let last = links.with(|l| l.last() == Some(&link));
            !last || !text.with(String::is_empty) || handover_kpis.with(|k| !k.is_empty())
        }
    };
    let name = {
        let target = target.clone();
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.doc
                .read(|r| read_name_of(r, &target, lang))
                .unwrap_or_default()
        })
    };
    let card = move || {
        let key = Some(target.clone());
        let selected = {
            let sel = sel.clone();
            move || sel.selected(&key)
        };
        let pressed = selected.clone();
        let sel2 = sel.clone();
        let target = target.clone();
        view! {
            <div class="handover-card" class:selected=selected>
                <button
                    type="button"
                    class="handover-name"
                    aria-label=move || name.get()
                    title=move || name.get()
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| app.selection.set(Some(target.clone()))
                >
                    {tr(app.lang, "Handover", "Overdracht")}
                </button>
                <Show when=move || !text.with(String::is_empty)>
                    <p class="handover-text">{move || text.get()}</p>
                </Show>
                <Show when=move || handover_kpis.with(|k| !k.is_empty())>
                    <ul class="kpi-chips handover-kpis">
                        <For
                            each=move || handover_kpis.get()
                            key=|id| id.clone()
                            children={
                                let sel = sel2.clone();
                                move |id: Id| view! { <li class="chip-row">{kpi_button(app, &sel, id.clone(), "kpi-chip handover-kpi")} <KpiStanding id trend=true /></li> }
                            }
                        />
                    </ul>
                </Show>
            </div>
        }
    };
    view! { <Show when=shown>{card.clone()}</Show> }
}
