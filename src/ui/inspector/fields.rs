//! Labelled form controls for the inspector. Each reads one field of the open model and
//! reports changes through a callback (which turns them into model edits).

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{Link, Model, Topic};
use crate::ui::state::use_app;

/// One value read from the open model, as a signal (the default when the element is gone).
/// Each inspector field depends only on `topic` (its own element's fields).
pub fn from_model<T>(
    topic: Topic,
    f: impl Fn(&Model) -> Option<T> + Send + Sync + 'static,
) -> Signal<T>
where
    T: Clone + Default + Send + Sync + 'static,
{
    let app = use_app();
    Signal::derive(move || {
        app.doc
            .with(topic.clone(), &f)
            .flatten()
            .unwrap_or_default()
    })
}

/// A link of a chain.
pub fn find_link<'a>(
    m: &'a Model,
    chain: &crate::model::Id,
    link: &crate::model::Id,
) -> Option<&'a Link> {
    m.chains.get(chain)?.links.iter().find(|l| &l.id == link)
}

/// An (English, Dutch) pair.
pub type Text2 = (&'static str, &'static str);

/// A labelled text input (or textarea). Keystrokes coalesce into one undo step until blur.
/// Its length is capped at what a file may hold (`long`: a description or definition), so an
/// exported model always opens again.
#[component]
pub fn TextField(
    label: Text2,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] long: bool,
    #[prop(optional)] placeholder: Option<Text2>,
) -> impl IntoView {
    let app = use_app();
    let max = if long { MAX_TEXT_CHARS } else { MAX_NAME_CHARS };
    let label_text = tr(app.lang, label.0, label.1);
    let ph = move || {
        placeholder
            .map(|p| app.lang.get().pick(p.0, p.1))
            .unwrap_or("")
    };
    let control = if multiline {
        view! {
            <textarea
                rows="3"
                maxlength=max
                placeholder=ph
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| app.break_coalescing()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                maxlength=max
                placeholder=ph
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| app.break_coalescing()
            />
        }
        .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label_text}</span>
            {control}
        </label>
    }
}

/// A labelled select over `(value, (en, nl))` options.
#[component]
pub fn SelectField(
    label: Text2,
    options: Vec<(String, Text2)>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <label class="field">
            <span class="field-label">{tr(app.lang, label.0, label.1)}</span>
            <select
                aria-label=tr(app.lang, label.0, label.1)
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, t)| {
                        let v2 = v.clone();
                        view! {
                            <option value=v selected=move || value.get() == v2>
                                {tr(app.lang, t.0, t.1)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(
    label: Text2,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <label class="field field-check">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="field-label">{tr(app.lang, label.0, label.1)}</span>
        </label>
    }
}
