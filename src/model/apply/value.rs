//! `SetValue` and `SetComment`: a KPI's measured value and comment for one period.

use super::unknown;
use crate::model::edit::Edit;
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::period::Period;
use crate::model::target::ElementKind;
use crate::model::types::Model;

impl Model {
    /// `SetValue`: refused for an unknown KPI or a number that is not finite.
    pub(super) fn set_value(
        &mut self,
        kpi: Id,
        period: Period,
        value: Option<f64>,
    ) -> Result<Edit, EditError> {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(EditError::NotFinite);
        }
        let k = self
            .kpis
            .get_mut(&kpi)
            .ok_or_else(|| unknown(ElementKind::Kpi, &kpi))?;
        let old = k.values.set(period, value);
        Ok(Edit::SetValue {
            kpi,
            period,
            value: old,
        })
    }

    /// `SetComment`: refused for an unknown KPI.
    pub(super) fn set_comment(
        &mut self,
        kpi: Id,
        period: Period,
        comment: String,
    ) -> Result<Edit, EditError> {
        let k = self
            .kpis
            .get_mut(&kpi)
            .ok_or_else(|| unknown(ElementKind::Kpi, &kpi))?;
        let old = if comment.is_empty() {
            k.comments.remove(&period)
        } else {
            k.comments.insert(period, comment)
        };
        Ok(Edit::SetComment {
            kpi,
            period,
            comment: old.unwrap_or_default(),
        })
    }
}
