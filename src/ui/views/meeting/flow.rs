//! The chain's flow for the meeting: customer need → each link with its rolled-up status →
//! product or service. Every link is a button that selects it.

use leptos::prelude::*;

use crate::model::{Attach, Id, Target};
use crate::ui::i18n::tr;
use crate::ui::state::use_app;
use crate::ui::views::chains::flow::select_button;
use crate::ui::views::names::live_name;
use crate::ui::views::status::{status_at, StatusBadge};

#[component]
pub fn MeetingFlow(chain: Id) -> impl IntoView {
    let app = use_app();
    let sel = Selector::new(move || app.selection.get());
    let links = super::link_ids(app, chain.clone());
    let end = |f: fn(&crate::model::Chain) -> String| {
        let chain = chain.clone();
        move || {
            app.doc
                .read(|r| r.chain(&chain).map(f))
                .flatten()
                .unwrap_or_default()
        }
    };
    let trigger = end(|c| c.trigger.clone());
    let outcome = end(|c| c.outcome.clone());
    let chain_for_links = chain.clone();
    view! {
        <ol class="meeting-flow" aria-label=tr(app.lang, "Chain flow", "Ketenverloop")>
            <li class="meeting-end">
                <small>{tr(app.lang, "Customer need", "Klantbehoefte")}</small>
                <span>{trigger}</span>
            </li>
            <For each=move || links.get() key=|id| id.clone() let:link>
                {
                    let target = Target::Link {
                        chain: chain_for_links.clone(),
                        link: link.clone(),
                    };
                    let at = Attach::Link {
                        chain: chain_for_links.clone(),
                        link,
                    };
                    let status = Signal::derive(move || status_at(app, &at));
                    view! {
                        <li class="meeting-link">
                            {select_button(
                                app,
                                &sel,
                                target.clone(),
                                "meeting-link-name",
                                live_name(app, target),
                            )}
                            <StatusBadge status=status />
                        </li>
                    }
                }
            </For>
            <li class="meeting-end">
                <small>{tr(app.lang, "Product or service", "Product of dienst")}</small>
                <span>{outcome}</span>
            </li>
        </ol>
    }
}
