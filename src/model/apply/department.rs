//! The edits of a department: `AddDepartment`, `DeleteDepartment` (clearing it on its
//! links), `SetDepartment`.

use super::{restore, slot, unknown};
use crate::model::edit::{DepartmentField, Edit, LinkRef, Root};
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Department, Model};

impl Model {
    /// `AddDepartment`: inserts `department` at `index` (or last); the inverse deletes it.
    pub(super) fn add_department(
        &mut self,
        department: Department,
        index: Option<usize>,
    ) -> Result<Edit, EditError> {
        let taken = self.departments.contains_key(&department.id);
        let len = self.departments.len();
        let at = slot(ElementKind::Department, &department.id, taken, index, len)?;
        let id = department.id.clone();
        self.departments.shift_insert(at, id.clone(), department);
        Ok(Edit::DeleteDepartment { id })
    }

    /// `DeleteDepartment`: removes it and clears it on the links that named it; the inverse
    /// restores both.
    pub(super) fn delete_department(&mut self, id: Id) -> Result<Edit, EditError> {
        let index = self
            .departments
            .get_index_of(&id)
            .ok_or_else(|| unknown(ElementKind::Department, &id))?;
        let mut links = Vec::new();
        for (chain_id, chain) in self.chains.iter_mut() {
            for link in chain.links.iter_mut() {
                if link.department.as_ref() == Some(&id) {
                    link.department = None;
                    links.push(LinkRef {
                        chain: chain_id.clone(),
                        link: link.id.clone(),
                    });
                }
            }
        }
        let (_, department) = self
            .departments
            .shift_remove_index(index)
            .ok_or(EditError::BadRestore)?;
        Ok(restore(
            Root::Department { index, department },
            vec![],
            vec![],
            links,
        ))
    }

    /// `SetDepartment`: one field; the inverse sets the old value.
    pub(super) fn set_department(
        &mut self,
        id: Id,
        field: DepartmentField,
    ) -> Result<Edit, EditError> {
        let d = self
            .departments
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Department, &id))?;
        let field = field.swap(d);
        Ok(Edit::SetDepartment { id, field })
    }
}
