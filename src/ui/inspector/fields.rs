//! Labelled form controls for the inspector. Each reads one field of the open model and
//! reports changes through a callback (which turns them into model edits).

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::format::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::fields::{Element, Field, FieldInput, FieldKind};
use crate::model::{format_number, parse_number, Edit, Link, LinkField, Model, Reader};
use crate::present::form::{choice_options, Form};
use crate::ui::state::{use_app, App};

/// One value read from the open model, as a signal (the default when the element is gone).
/// Read through a [`Reader`], so each inspector field depends on exactly what `f` reads (its
/// own element's fields).
pub fn from_reader<T>(f: impl Fn(&Reader) -> Option<T> + Send + Sync + 'static) -> Signal<T>
where
    T: Clone + Default + Send + Sync + 'static,
{
    let app = use_app();
    Signal::derive(move || app.doc.read(&f).flatten().unwrap_or_default())
}

/// The writer of link `link`'s fields in `chain`: each call is one `SetLink` edit (`true`:
/// keystrokes coalesce). The link, handover and agreements forms share it.
pub fn link_write(
    app: App,
    chain: crate::model::Id,
    link: crate::model::Id,
) -> impl Fn(LinkField, bool) + Clone + Send + Sync + 'static {
    move |field, coalesce| {
        app.edit(
            Edit::SetLink {
                chain: chain.clone(),
                link: link.clone(),
                field,
            },
            coalesce,
        );
    }
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

/// How a form finds its element through a reader: by a key (an id; a link's chain and id; `()`
/// for the model) and an accessor such as [`Reader::kpi`], so a control depends on its
/// element's fields only.
pub struct Source<T: 'static, K> {
    pub key: K,
    pub get: for<'r, 'm> fn(&'r Reader<'m>, &K) -> Option<&'m T>,
}

impl<T, K: Clone> Clone for Source<T, K> {
    fn clone(&self) -> Self {
        Source {
            key: self.key.clone(),
            get: self.get,
        }
    }
}

/// The control of field `f` of the element `src` finds, by the field's kind: a text input
/// (a textarea for a long text), a number input, a checkbox or a select of the choice's
/// options. `write` applies the field's edit (`true`: keystrokes coalesce into one undo step).
/// `None` for a reference (its form draws that control).
pub fn field_control<T: Element, K>(
    f: &'static Field<T>,
    src: Source<T, K>,
    write: impl Fn(T::Edit, bool) + Clone + Send + Sync + 'static,
    placeholder: Option<Text2>,
    described_by: Option<&'static str>,
) -> Option<AnyView>
where
    K: Clone + Send + Sync + 'static,
{
    let value = {
        let src = src.clone();
        from_reader(move |r| (src.get)(r, &src.key).map(|e| (f.get)(e).to_input()))
    };
    let set = Callback::new(move |(v, coalesce): (FieldInput, bool)| {
        if let Some(edit) = (f.set)(v) {
            write(edit, coalesce);
        }
    });
    let options = if f.kind == FieldKind::Choice {
        use_app()
            .doc
            .with_untracked(|m| {
                (src.get)(&Reader::new(m), &src.key).map(|e| choice_options((f.get)(e)))
            })
            .flatten()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    control(
        f.kind,
        (f.en, f.nl),
        value,
        set,
        options,
        placeholder,
        described_by,
    )
}

/// The control of one kind (not generic: one copy in the wasm whatever the element kind).
fn control(
    kind: FieldKind,
    label: Text2,
    value: Signal<FieldInput>,
    set: Callback<(FieldInput, bool)>,
    options: Vec<(String, Text2)>,
    placeholder: Option<Text2>,
    described_by: Option<&'static str>,
) -> Option<AnyView> {
    let text = move || match value.get() {
        FieldInput::Text(t) | FieldInput::Code(t) => t,
        _ => String::new(),
    };
    Some(match kind {
        FieldKind::Text | FieldKind::LongText => {
            let long = kind == FieldKind::LongText;
            let on_input = Callback::new(move |v: String| set.run((FieldInput::Text(v), true)));
            view! {
                <TextField
                    label=label
                    multiline=long
                    long=long
                    value=Signal::derive(text)
                    on_input=on_input
                    placeholder=placeholder
                    described_by=described_by
                />
            }
            .into_any()
        }
        FieldKind::Number => {
            let number = Signal::derive(move || match value.get() {
                FieldInput::Number(n) => n,
                _ => None,
            });
            let on_input =
                Callback::new(move |v: Option<f64>| set.run((FieldInput::Number(v), true)));
            view! { <NumberField label=label value=number on_input=on_input /> }.into_any()
        }
        FieldKind::Flag => {
            let checked = Signal::derive(move || value.get() == FieldInput::Flag(true));
            let on_change = Callback::new(move |v: bool| set.run((FieldInput::Flag(v), false)));
            view! { <CheckField label=label checked=checked on_change=on_change /> }.into_any()
        }
        FieldKind::Choice => {
            let on_change = Callback::new(move |v: String| set.run((FieldInput::Code(v), false)));
            view! {
                <SelectField
                    label=label
                    options=options
                    value=Signal::derive(text)
                    on_change=on_change
                />
            }
            .into_any()
        }
        FieldKind::Reference | FieldKind::List => return None,
    })
}

/// A whole form, each field a control in table order (a row's fields side by side); a
/// reference field is drawn by `reference`.
pub fn form_view<T: Element, K>(
    form: &Form<T>,
    src: Source<T, K>,
    write: impl Fn(T::Edit, bool) + Clone + Send + Sync + 'static,
    mut reference: impl FnMut(&'static Field<T>) -> AnyView,
) -> impl IntoView
where
    K: Clone + Send + Sync + 'static,
{
    form.rows
        .iter()
        .map(|row| {
            let controls = row
                .iter()
                .map(|f| {
                    field_control(f, src.clone(), write.clone(), form.hint(f.key), None)
                        .unwrap_or_else(|| reference(f))
                })
                .collect_view();
            if row.len() > 1 {
                view! { <div class="field-row">{controls}</div> }.into_any()
            } else {
                controls.into_any()
            }
        })
        .collect_view()
}

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
    /// A hint shown in the empty control.
    #[prop(optional_no_strip)]
    placeholder: Option<Text2>,
    /// The id of a text that describes the control (`aria-describedby`).
    #[prop(optional_no_strip)]
    described_by: Option<&'static str>,
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
                aria-describedby=described_by
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
                aria-describedby=described_by
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

/// A labelled number input: `92.5` or `92,5` in either language. A text that is not a
/// number shows a message under the field and is not applied; clearing it gives `None`.
/// While typing, the text stays as typed (`92,` is not rewritten to `92`).
#[component]
pub fn NumberField(
    label: Text2,
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] on_input: Callback<Option<f64>>,
) -> impl IntoView {
    let app = use_app();
    let label_text = tr(app.lang, label.0, label.1);
    // The text as typed, until blur; `None` shows the model's number.
    let typed = RwSignal::new(None::<String>);
    let invalid = move || {
        typed.with(|t| {
            t.as_deref()
                .is_some_and(|t| !t.trim().is_empty() && parse_number(t).is_none())
        })
    };
    let shown = move || {
        let v = value.get();
        let lang = app.lang.get();
        match typed.get() {
            Some(t) if invalid() => t,
            Some(t) if t.trim().is_empty() && v.is_none() => t,
            Some(t) if parse_number(&t) == v && v.is_some() => t,
            _ => v.map(|n| format_number(n, lang)).unwrap_or_default(),
        }
    };
    let message = move || {
        invalid().then(|| {
            app.lang.get().pick(
                "Not a number, so not applied: type e.g. 92.5 or 92,5.",
                "Geen getal, dus niet overgenomen: typ bijvoorbeeld 92,5 of 92.5.",
            )
        })
    };
    view! {
        <label class="field">
            <span class="field-label">{label_text}</span>
            <input
                type="text"
                inputmode="decimal"
                maxlength=MAX_NAME_CHARS
                prop:value=shown
                aria-invalid=move || invalid().then_some("true")
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let parsed = parse_number(&text);
                    let empty = text.trim().is_empty();
                    typed.set(Some(text));
                    if empty {
                        on_input.run(None);
                    } else if parsed.is_some() {
                        on_input.run(parsed);
                    }
                }
                on:blur=move |_| {
                    if !invalid() {
                        typed.set(None);
                    }
                    app.break_coalescing()
                }
            />
            {move || message().map(|m| view! { <p class="field-error">{m}</p> })}
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
