//! A link's agreements (its tactics: how the team plays together), shown with the link: in
//! its Chains card as a list, in a meeting folded under the link's name ("2 agreements").
//! Edited in the link's inspector (`ui::inspector::agreements`).

use leptos::prelude::*;

use crate::model::Id;
use crate::present::chains::or_unnamed;
use crate::ui::state::{use_app, App};

/// The link's agreements with a text, trimmed, as (text, owner); depends on that link only.
fn read_agreements(app: App, chain: &Id, link: &Id) -> Vec<(String, String)> {
    app.doc
        .read(|r| {
            r.link(chain, link).map(|l| {
                l.agreements
                    .iter()
                    .filter(|a| !a.text.trim().is_empty())
                    .map(|a| (a.text.trim().to_string(), a.owner.trim().to_string()))
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .unwrap_or_default()
}

/// The list "Agreements of Sales" (each agreement with its owner), or nothing when the link
/// has none. `folded`: inside a disclosure whose summary counts them (the meetings).
#[component]
pub fn LinkAgreements(
    /// The link's chain.
    chain: Id,
    /// The link.
    link: Id,
    /// Folded under a summary "2 agreements" (a meeting table's cell), else the open list.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let app = use_app();
    let agreements = {
        let (chain, link) = (chain.clone(), link.clone());
        Memo::new(move |_| read_agreements(app, &chain, &link))
    };
    let name = Memo::new(move |_| {
        app.doc
            .read(|r| r.link(&chain, &link).map(|l| l.name.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let list = move || {
        view! {
            <ul
                class="link-agreements"
                aria-label=move || {
                    let lang = app.lang.get();
                    format!("{} {}", lang.pick("Agreements of", "Afspraken van"), or_unnamed(&name.get(), lang))
                }
            >
                <For
                    each=move || agreements.get()
                    key=|a| a.clone()
                    children=move |(text, owner)| {
                        let owner = (!owner.is_empty())
                            .then(|| view! { <span class="agreement-by">{format!(" · {owner}")}</span> });
                        view! { <li>{text}{owner}</li> }
                    }
                />
            </ul>
        }
    };
    let count = move || {
        let n = agreements.with(Vec::len);
        let lang = app.lang.get();
        if n == 1 {
            lang.pick("1 agreement", "1 afspraak").to_string()
        } else {
            format!("{n} {}", lang.pick("agreements", "afspraken"))
        }
    };
    move || {
        agreements.with(|a| !a.is_empty()).then(|| {
            if folded {
                view! {
                    <details class="mk-agreements">
                        <summary>{count}</summary>
                        {list()}
                    </details>
                }
                .into_any()
            } else {
                list().into_any()
            }
        })
    }
}
