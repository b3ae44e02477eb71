//! The inspector's forms, made from the field tables (`model::fields`): every field of a kind
//! once, in table order, a control by its kind; here only which fields sit side by side, which
//! show only within a band, the hints, and a choice field's options. A field added to a table
//! appears in its form without touching the inspector.

use crate::model::fields::{
    Element, Field, FieldValue, CHAIN_FIELDS, DEPARTMENT_FIELDS, GOAL_FIELDS, KPI_FIELDS,
    LINK_FIELDS, MODEL_FIELDS,
};
use crate::model::{Choice, Direction, Frequency, Lang, ValueType};

use super::labels::{direction_name, frequency_name, value_type_name};

/// An English and a Dutch text.
pub type Text2 = (&'static str, &'static str);

/// When a row of a KPI's form shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Whatever the direction.
    Always,
    /// Only when the direction is "within a band" (low, high, tolerance).
    Band,
    /// Only when it is not (target, red threshold).
    NotBand,
}

/// One kind's form: rows of fields (side by side within a row) and the hints of some.
pub struct Form<T: Element + 'static> {
    /// Each field of the table once (the model's name excepted: the top bar holds it).
    pub rows: Vec<Vec<&'static Field<T>>>,
    hints: &'static [(&'static str, Text2)],
}

impl<T: Element> Form<T> {
    fn new(
        table: &'static [Field<T>],
        together: &[&[&str]],
        skip: &[&str],
        hints: &'static [(&'static str, Text2)],
    ) -> Form<T> {
        let mut rows: Vec<Vec<&'static Field<T>>> = Vec::new();
        for f in table.iter().filter(|f| !skip.contains(&f.key)) {
            let group = together.iter().find(|g| g.contains(&f.key));
            match group {
                Some(g) if g[0] != f.key => {
                    if let Some(row) = rows.iter_mut().find(|r| r[0].key == g[0]) {
                        row.push(f);
                        continue;
                    }
                    rows.push(vec![f]);
                }
                _ => rows.push(vec![f]),
            }
        }
        Form { rows, hints }
    }

    /// A field's placeholder, if it has one.
    pub fn hint(&self, key: &str) -> Option<Text2> {
        self.hints.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
    }
}

/// When a row of the KPI form with this first field shows.
pub fn kpi_row_when(key: &str) -> When {
    match key {
        "low" | "high" | "tolerance" => When::Band,
        "target" | "red" => When::NotBand,
        _ => When::Always,
    }
}

/// The KPI form: unit beside direction, the norm's numbers in a row.
pub fn kpi_form() -> Form<crate::model::Kpi> {
    Form::new(
        KPI_FIELDS,
        &[
            &["unit", "direction"],
            &["target", "red"],
            &["low", "high", "tolerance"],
        ],
        &[],
        &[(
            "definition",
            (
                "The question this KPI answers",
                "De vraag die deze KPI beantwoordt",
            ),
        )],
    )
}

/// The chain form.
pub fn chain_form() -> Form<crate::model::Chain> {
    Form::new(
        CHAIN_FIELDS,
        &[],
        &[],
        &[
            (
                "customer",
                (
                    "Customer, student, client, citizen…",
                    "Klant, student, cliënt, burger…",
                ),
            ),
            (
                "trigger",
                (
                    "The customer need where the chain starts",
                    "De klantbehoefte waar de keten begint",
                ),
            ),
            (
                "outcome",
                (
                    "The product or service that fulfils the need",
                    "Het product of de dienst die de behoefte vervult",
                ),
            ),
            (
                "owner",
                (
                    "One management-team member",
                    "Eén lid van het managementteam",
                ),
            ),
            (
                "customer_value",
                (
                    "What the customer expects of this chain",
                    "Wat de klant van deze keten verwacht",
                ),
            ),
            (
                "internal_value",
                (
                    "What the organisation needs: cost, margin",
                    "Wat de organisatie nodig heeft: kosten, marge",
                ),
            ),
        ],
    )
}

/// The link form (its handover's text is in the handover's form).
pub fn link_form() -> Form<crate::model::Link> {
    Form::new(LINK_FIELDS, &[], &["handover"], &[])
}

/// The form of the handover after a link: the link's `handover` text alone.
pub fn handover_form() -> Form<crate::model::Link> {
    let mut form = Form::new(LINK_FIELDS, &[], &[], HANDOVER_HINTS);
    form.rows.retain(|r| r[0].key == "handover");
    form
}

const HANDOVER_HINTS: &[(&str, Text2)] = &[(
    "handover",
    (
        "What is handed over, complete and on time",
        "Wat er wordt overgedragen, volledig en op tijd",
    ),
)];

/// The goal form.
pub fn goal_form() -> Form<crate::model::Goal> {
    Form::new(GOAL_FIELDS, &[], &[], &[])
}

/// The department form.
pub fn department_form() -> Form<crate::model::Department> {
    Form::new(DEPARTMENT_FIELDS, &[], &[], &[])
}

/// The model's form (its name is in the top bar).
pub fn model_form() -> Form<crate::model::Model> {
    Form::new(
        MODEL_FIELDS,
        &[],
        &["name"],
        &[(
            "management_team",
            (
                "One name per line: the chain owners belong here",
                "Eén naam per regel: de keteneigenaren horen hierbij",
            ),
        )],
    )
}

/// A choice field's options, "not set" first: each one's code and its name in English and
/// Dutch. Empty for a field that is not a choice.
pub fn choice_options(v: FieldValue) -> Vec<(String, Text2)> {
    fn all<C: Choice>(name: fn(C, Lang) -> &'static str) -> Vec<(String, Text2)> {
        C::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_string(),
                    (name(*c, Lang::En), name(*c, Lang::Nl)),
                )
            })
            .collect()
    }
    match v {
        FieldValue::Direction(_) => all::<Direction>(direction_name),
        FieldValue::Frequency(_) => all::<Frequency>(frequency_name),
        FieldValue::ValueType(_) => all::<ValueType>(value_type_name),
        _ => Vec::new(),
    }
}
