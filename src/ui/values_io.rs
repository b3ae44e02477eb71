//! Values in and out of the open model: "Paste values" (a block from a spreadsheet),
//! "Export values CSV" and "Import values CSV". A paste and a file go through the same
//! preview dialog: what Apply would set and every problem, quoting the cell's text; Apply is
//! one undo step. Reading and matching are pure (`format::values_paste`, `format::values_csv`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::format::{
    export_values_csv, file_stem, import_values_csv, parse_values_paste, PastePreview, ValuesPaste,
    MAX_FILE_BYTES,
};
use crate::model::{format_number, Edit, Id, Lang, Model, Period};
use crate::ui::files::{offer_download, read_text};
use crate::ui::i18n::tr;
use crate::ui::modal::Modal;
use crate::ui::state::{use_app, App};

/// What the dialog reads: a paste typed or pasted into its textbox, or a file's text.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    Paste,
    File(String),
}

fn read(source: &Source, text: &str, model: &Model, lang: Lang) -> ValuesPaste {
    match source {
        Source::Paste => parse_values_paste(text, model, lang),
        Source::File(_) => import_values_csv(text, model),
    }
}

/// What the dialog shows of a [`ValuesPaste`].
#[derive(Clone, Debug, Default, PartialEq)]
struct Preview {
    summary: String,
    problems: Vec<String>,
    changes: bool,
    grid: PastePreview,
}

/// The KPIs the preview grid shows at most.
const PREVIEW_ROWS: usize = 12;

/// The cells the last Apply set (the Values grid highlights them) and how many values that
/// was ("9 values set"); provided by the Values view.
#[derive(Clone, Copy)]
pub struct Pasted(pub RwSignal<Option<PastedCells>>);

/// The cells an Apply set, and how many values that was.
pub type PastedCells = (Vec<(Id, Period)>, usize);

impl Pasted {
    /// True when the last Apply set this cell.
    pub fn has(&self, kpi: &Id, period: Period) -> bool {
        self.0.with(|p| {
            p.as_ref()
                .is_some_and(|(c, _)| c.iter().any(|(k, q)| k == kpi && *q == period))
        })
    }
}

/// "9 values set" ("9 waarden ingevuld") after an Apply; a status line, empty before.
#[component]
pub fn PastedStatus() -> impl IntoView {
    let app = use_app();
    let pasted = use_context::<Pasted>();
    view! {
        <p class="values-pasted" role="status">
            {move || {
                let n = pasted?.0.with(|p| p.as_ref().map(|(_, n)| *n))?;
                Some(match (app.lang.get(), n) {
                    (Lang::En, 1) => "1 value set".to_string(),
                    (Lang::En, n) => format!("{n} values set"),
                    (Lang::Nl, 1) => "1 waarde ingevuld".to_string(),
                    (Lang::Nl, n) => format!("{n} waarden ingevuld"),
                })
            }}
        </p>
    }
}

/// The preview grid: KPI by period, "old → new" where Apply overwrites a value (marked), the
/// new value where there was none.
fn preview_table(grid: &PastePreview, lang: Lang) -> impl IntoView {
    let head = grid
        .periods
        .iter()
        .map(|p| view! { <th scope="col">{p.to_string()}</th> })
        .collect_view();
    let rows = grid
        .rows
        .iter()
        .map(|(_, name, cells)| {
            let cells = cells
                .iter()
                .map(|c| match c {
                    None => view! { <td></td> }.into_any(),
                    Some(c) => {
                        let new = format_number(c.new, lang);
                        match c.old {
                            Some(old) => {
                                let old = format_number(old, lang);
                                let title =
                                    lang.pick(format!("replaces {old}"), format!("vervangt {old}"));
                                view! {
                                    <td class="paste-overwrite" title=title>
                                        <s>{old}</s> " → " <b>{new}</b>
                                    </td>
                                }
                                .into_any()
                            }
                            None => view! { <td class="paste-new">{new}</td> }.into_any(),
                        }
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let more = (grid.more > 0).then(|| {
        let n = grid.more;
        view! {
            <p class="muted small">
                {lang.pick(format!("and {n} more KPIs"), format!("en nog {n} KPI's"))}
            </p>
        }
    });
    view! {
        <div class="paste-preview-scroll">
            <table class="paste-preview" aria-label=lang.pick("Preview", "Voorbeeld")>
                <thead><tr><th scope="col">{lang.pick("KPI", "KPI")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more}
    }
}

/// "Paste values": opens the preview dialog with an empty "Values to paste" textbox.
#[component]
pub fn PasteValuesButton() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    view! {
        <button
            type="button"
            aria-haspopup="dialog"
            on:click=move |_| {
                text.set(String::new());
                open.set(true);
            }
        >
            {tr(app.lang, "Paste values", "Waarden plakken")}
        </button>
        <Show when=move || open.get()>
            <ValuesDialog open=open text=text source=Source::Paste />
        </Show>
    }
}

/// "Export values CSV" and the file input "Import values CSV" (same preview as a paste).
#[component]
pub fn ValuesFileActions() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let file_name = RwSignal::new(String::new());
    let label = tr(app.lang, "Import values CSV", "Waarden-CSV importeren");
    view! {
        <button type="button" on:click=move |_| export_values_now(app)>
            {tr(app.lang, "Export values CSV", "Waarden-CSV exporteren")}
        </button>
        <label class="file-button">
            <input
                type="file"
                class="visually-hidden"
                accept=".csv,text/csv,text/plain"
                aria-label=label
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        spawn_local(async move {
                            if let Some(t) = read_values_file(app, &file).await {
                                text.set(t);
                                file_name.set(file.name());
                                open.set(true);
                            }
                        });
                    }
                    input.set_value("");
                }
            />
            <span aria-hidden="true">{label}</span>
        </label>
        <Show when=move || open.get()>
            <ValuesDialog open=open text=text source=Source::File(file_name.get_untracked()) />
        </Show>
    }
}

/// Downloads the open model's values as `<model name>.values.csv`.
fn export_values_now(app: App) {
    let Some((name, csv)) = app.doc.with_untracked(|m| {
        (
            format!("{}.values.csv", file_stem(&m.name)),
            export_values_csv(m),
        )
    }) else {
        return;
    };
    offer_download(app, &name, &csv, "text/csv;charset=utf-8");
}

/// A chosen file's text; `None` (and an alert) when it is too large or cannot be read.
async fn read_values_file(app: App, file: &web_sys::File) -> Option<String> {
    let lang = app.lang.get_untracked();
    if file.size() > MAX_FILE_BYTES as f64 {
        let limit = MAX_FILE_BYTES / (1024 * 1024);
        app.error.set(Some(lang.pick(
            format!("This file is too large: values files up to {limit} MB can be imported."),
            format!("Dit bestand is te groot: waardenbestanden tot {limit} MB kunnen worden geïmporteerd."),
        )));
        return None;
    }
    match read_text(file).await {
        Ok(text) => Some(text),
        Err(_) => {
            app.error.set(Some(
                lang.pick(
                    "This file could not be read.",
                    "Dit bestand kon niet worden gelezen.",
                )
                .to_string(),
            ));
            None
        }
    }
}

/// The modal preview: the textbox (for a paste) or the file's name, what Apply would set,
/// every problem, and Apply / Cancel, in the app's modal frame (`ui::modal`: Escape cancels,
/// keys stay inside).
#[component]
fn ValuesDialog(open: RwSignal<bool>, text: RwSignal<String>, source: Source) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let close = move || open.set(false);
    let src = source.clone();
    let preview = Memo::new(move |_| {
        let lang = lang.get();
        text.with(|t| {
            // The paste is matched against the whole model (names, periods, values).
            app.doc
                .with_settled(|m| {
                    let paste = read(&src, t, m, lang);
                    Preview {
                        summary: paste.summary(m, lang),
                        problems: paste.problems.iter().map(|p| p.message(lang)).collect(),
                        changes: !paste.edits(m).is_empty(),
                        grid: paste.preview(m, PREVIEW_ROWS),
                    }
                })
                .unwrap_or_default()
        })
    });
    let src = source.clone();
    let pasted = use_context::<Pasted>();
    let apply = move || {
        let lang = lang.get_untracked();
        let edit = text.with_untracked(|t| {
            app.doc
                .with_untracked(|m| read(&src, t, m, lang).edit(m))
                .flatten()
        });
        if let Some(edit) = edit {
            // The cells set, for the grid to highlight and the status line to count.
            let set: Vec<(Id, Period)> = match &edit {
                Edit::Batch(edits) => edits
                    .iter()
                    .filter_map(|e| match e {
                        Edit::SetValue { kpi, period, .. } => Some((kpi.clone(), *period)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            // The status line counts the values once they are set: the edit engine may be a
            // part still on its way.
            app.edit_then(edit, move || {
                if let Some(Pasted(p)) = pasted {
                    let n = set.len();
                    p.set(Some((set, n)));
                }
            });
        }
        close();
    };
    let body = match &source {
        Source::Paste => view! {
            <div class="values-paste-field">
                <label for="values-to-paste">
                    {tr(lang, "Values to paste", "Te plakken waarden")}
                </label>
                <textarea
                    id="values-to-paste"
                    data-autofocus
                    rows="8"
                    spellcheck="false"
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
            <p class="muted values-hint">
                {tr(
                    lang,
                    "Copy a block from Excel or Google Sheets: a header row with periods (2026-03, 2026-Q1, Mar-26, 3/1/2026 …), then one row per KPI, starting with its name. Empty cells are skipped.",
                    "Kopieer een blok uit Excel of Google Sheets: een kopregel met perioden (2026-03, 2026-Q1, mrt-26, 1-3-2026 …), dan een regel per KPI, beginnend met de naam. Lege cellen worden overgeslagen.",
                )}
            </p>
        }
        .into_any(),
        Source::File(name) => {
            let name = name.clone();
            view! { <p class="values-file-name">{name}</p> }.into_any()
        }
    };
    let heading = match source {
        Source::Paste => tr(lang, "Paste values", "Waarden plakken"),
        Source::File(_) => tr(lang, "Import values CSV", "Waarden-CSV importeren"),
    };
    view! {
        <Modal labelled_by="values-dialog-title" class="values-dialog" on_close=Callback::new(move |()| close())>
                <h2 id="values-dialog-title">{heading}</h2>
                {body}
                <div class="values-preview" aria-live="polite">
                    <p class="values-summary">{move || preview.with(|p| p.summary.clone())}</p>
                    {move || {
                        preview.with(|p| {
                            (!p.grid.rows.is_empty()).then(|| preview_table(&p.grid, lang.get()))
                        })
                    }}
                    <Show when=move || preview.with(|p| !p.problems.is_empty())>
                        <h3>
                            {move || {
                                let n = preview.with(|p| p.problems.len());
                                lang.get().pick(
                                    format!("Problems ({n}): these cells are skipped"),
                                    format!("Problemen ({n}): deze cellen worden overgeslagen"),
                                )
                            }}
                        </h3>
                        <ul
                            class="values-problems"
                            aria-label=tr(lang, "Problems", "Problemen")
                        >
                            {move || {
                                preview
                                    .with(|p| {
                                        p.problems
                                            .iter()
                                            .map(|m| view! { <li>{m.clone()}</li> })
                                            .collect_view()
                                    })
                            }}
                        </ul>
                    </Show>
                </div>
                <div class="values-dialog-actions">
                    <button
                        type="button"
                        class="primary"
                        disabled=move || !preview.with(|p| p.changes)
                        on:click=move |_| apply()
                    >
                        {tr(lang, "Apply", "Toepassen")}
                    </button>
                    <button type="button" on:click=move |_| close()>
                        {tr(lang, "Cancel", "Annuleren")}
                    </button>
                </div>
        </Modal>
    }
}
