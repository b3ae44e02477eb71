//! One row of the KPIs table. Each row is one memo of what it shows ([`RowData`]), depending
//! on the topics of that KPI only: its fields, the names of where it hangs, and the names of
//! what it drives. Typing in one KPI's name re-computes one row.

use leptos::prelude::*;

use crate::ui::i18n::tr;

use crate::model::{
    norm_note, shown_norm, Choice, Direction, Edit, Frequency, Id, KpiField, Target,
};
use crate::present::kpi_table::{
    dom_id, level_code, level_name, read_row_data, shown_name, RowData,
};
use crate::present::labels::{direction_name, frequency_name};
use crate::ui::state::{use_app, App};
use crate::ui::views::status::{kpi_status, kpi_value_text, Sparkline, StatusBadge};

/// The selection as a [`Selector`]: only the rows whose "selected" state changes update.
pub type Sel = Selector<Option<Target>>;

/// What the row of KPI `id` shows, as a memo on that KPI's topics.
fn row_memo(app: App, id: Id) -> Memo<Option<RowData>> {
    Memo::new(move |_| app.doc.read(|r| read_row_data(r, &id)).flatten())
}

/// The text fields edited in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextField {
    Owner,
    Unit,
}

impl TextField {
    fn get(self, r: &RowData) -> &str {
        match self {
            TextField::Owner => &r.owner,
            TextField::Unit => &r.unit,
        }
    }

    fn edit(self, v: String) -> KpiField {
        match self {
            TextField::Owner => KpiField::Owner(v),
            TextField::Unit => KpiField::Unit(v),
        }
    }

    /// The id of the hidden "Unit of" text that, with the KPI's name, names the input.
    fn label_id(self) -> &'static str {
        match self {
            TextField::Owner => "kt-f-owner",
            TextField::Unit => "kt-f-unit",
        }
    }

    fn class(self) -> &'static str {
        match self {
            TextField::Owner => "col-owner",
            TextField::Unit => "col-unit",
        }
    }
}

/// The hidden texts that name the cells' inputs together with the KPI's name ("Unit of" +
/// "Customer satisfaction"): no per-cell reactive label, and a rename renames them all.
#[component]
pub fn CellLabels() -> impl IntoView {
    let app = use_app();
    let labels: [(&str, &str, &str); 4] = [
        ("kt-f-owner", "Owner of", "Eigenaar van"),
        ("kt-f-unit", "Unit of", "Eenheid van"),
        ("kt-f-direction", "Direction of", "Richting van"),
        ("kt-f-frequency", "Frequency of", "Frequentie van"),
    ];
    view! {
        <div hidden>
            {labels
                .into_iter()
                .map(|(id, en, nl)| view! { <span id=id>{tr(app.lang, en, nl)}</span> })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn KpiRow(
    /// The KPI this row shows.
    id: Id,
    /// Its place in the list (0 first) when the table is windowed: `aria-rowindex`.
    index: Option<usize>,
    /// The selection, so only the rows whose "selected" state changes update.
    sel: StoredValue<Sel>,
) -> impl IntoView {
    let app = use_app();
    let row = row_memo(app, id.clone());
    let selected = {
        let key = Some(Target::Kpi(id.clone()));
        Memo::new(move |_| sel.with_value(|s| s.selected(&key)))
    };
    let name = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| shown_name(r, app.lang.get()))
                .unwrap_or_default()
        })
    };
    let select = {
        let id = id.clone();
        move |_| app.selection.set(Some(Target::Kpi(id.clone())))
    };
    let button_id = dom_id(&id);
    let text_cell = {
        let id = id.clone();
        let button_id = button_id.clone();
        move |field: TextField| {
            let id = id.clone();
            let button_id = button_id.clone();
            let text = move || {
                row.with(|r| {
                    r.as_ref()
                        .map(|r| field.get(r).to_string())
                        .unwrap_or_default()
                })
            };
            view! {
                // The whole text, where a narrow column cuts it.
                <td class=field.class() title=text>
                    <input
                        type="text"
                        class="cell"
                        maxlength=crate::format::MAX_NAME_CHARS
                        aria-labelledby=format!("{} {button_id}", field.label_id())
                        prop:value=text
                        on:input=move |ev| {
                            app.edit(Edit::SetKpi { id: id.clone(), field: field.edit(event_target_value(&ev)) }, true);
                        }
                        on:blur=move |_| app.break_coalescing()
                    />
                </td>
            }
        }
    };
    let (direction_id, frequency_id) = (id.clone(), id.clone());
    let (value_id, status_id) = (id.clone(), id.clone());
    // The value with its unit; also the cell's title, where a narrow column cuts it.
    let value = Memo::new(move |_| kpi_value_text(app, &value_id));
    let chain = move || row.with(|r| r.as_ref().map(|r| r.chain.clone()).unwrap_or_default());
    let link = move || row.with(|r| r.as_ref().map(|r| r.link.clone()).unwrap_or_default());
    let drives = move || row.with(|r| r.as_ref().map(|r| r.drives.join(", ")).unwrap_or_default());
    view! {
        <tr class="kpi-row" class:selected=move || selected.get() aria-rowindex=index.map(|i| i + 2)>
            <th scope="row" class="col-kpi">
                <button
                    type="button"
                    class="kpi-select"
                    id=button_id.clone()
                    aria-pressed=move || selected.get().to_string()
                    // The whole name, where two lines cut it (a long Dutch word is never broken).
                    title=name
                    on:click=select
                >
                    {name}
                </button>
            </th>
            <td class="col-level">
                {move || {
                    row.with(|r| {
                        r.as_ref().and_then(|r| r.level).map(|l| {
                            view! {
                                <span class=format!("level-chip level-{}", level_code(Some(l)))>
                                    {level_name(l, app.lang.get())}
                                </span>
                            }
                        })
                    })
                }}
            </td>
            <td class="col-chain" title=chain><span class="clamp">{chain}</span></td>
            <td class="col-link" title=link><span class="clamp">{link}</span></td>
            {text_cell(TextField::Owner)}
            {text_cell(TextField::Unit)}
            <td class="col-direction">
                <select
                    class="cell"
                    aria-labelledby=format!("kt-f-direction {button_id}")
                    prop:value=move || row.with(|r| r.as_ref().map(|r| r.direction.code()).unwrap_or(""))
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let d = Direction::from_code(&code);
                        app.edit(Edit::SetKpi { id: direction_id.clone(), field: KpiField::Direction(d) }, false);
                    }
                >
                    {move || {
                        // Rebuilt only on a language change; `selected` covers the first render
                        // (the select's value is set before its options exist).
                        let lang = app.lang.get();
                        let now = row.with_untracked(|r| r.as_ref().map(|r| r.direction));
                        Direction::ALL
                            .iter()
                            .map(|&d| view! { <option value=d.code() selected=now == Some(d)>{direction_name(d, lang)}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td
                class="col-target"
                title=move || row.with(|r| r.as_ref().and_then(|r| norm_note(&r.note, app.lang.get())))
            >
                {move || {
                    let lang = app.lang.get();
                    row.with(|r| r.as_ref().map(|r| shown_norm(r.norm.as_ref(), lang)).unwrap_or_default())
                }}
            </td>
            <td class="col-frequency">
                <select
                    class="cell"
                    aria-labelledby=format!("kt-f-frequency {button_id}")
                    prop:value=move || row.with(|r| r.as_ref().map(|r| r.frequency.code()).unwrap_or(""))
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let f = Frequency::from_code(&code);
                        app.edit(Edit::SetKpi { id: frequency_id.clone(), field: KpiField::Frequency(f) }, false);
                    }
                >
                    {move || {
                        let lang = app.lang.get();
                        let now = row.with_untracked(|r| r.as_ref().map(|r| r.frequency));
                        Frequency::ALL
                            .iter()
                            .map(|&f| view! { <option value=f.code() selected=now == Some(f)>{frequency_name(f, lang)}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td
                class="col-defined"
                class:complete=move || row.with(|r| r.as_ref().is_some_and(|r| r.completeness.is_complete()))
                title=move || row.with(|r| r.as_ref().map(|r| r.completeness.missing_text(app.lang.get())))
            >
                {move || row.with(|r| r.as_ref().map(|r| r.completeness.score_text()))}
            </td>
            <td class="col-drives" title=drives>{drives}</td>
            <td class="col-value" title=value>{value}</td>
            <td class="col-status"><StatusBadge status=Signal::derive(move || kpi_status(app, &status_id)) /></td>
            <td class="col-trend"><Sparkline id=id.clone() /></td>
        </tr>
    }
}
