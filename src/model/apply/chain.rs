//! The edits of a chain: `AddChain` (with its links), `DeleteChain` (with its chain and link
//! KPIs), `SetChain`.

use std::collections::HashSet;

use super::{restore, slot, unknown};
use crate::model::edit::{ChainField, Edit, Root};
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Attach, Chain, Model};

impl Model {
    /// `AddChain`: inserts `chain` (and the links it carries) at `index` (or last); the
    /// inverse deletes it.
    pub(super) fn add_chain(
        &mut self,
        chain: Chain,
        index: Option<usize>,
    ) -> Result<Edit, EditError> {
        let taken = self.chains.contains_key(&chain.id);
        let at = slot(
            ElementKind::Chain,
            &chain.id,
            taken,
            index,
            self.chains.len(),
        )?;
        self.check_links(&chain)?;
        let id = chain.id.clone();
        self.chains.shift_insert(at, id.clone(), chain);
        Ok(Edit::DeleteChain { id })
    }

    /// `DeleteChain`: removes the chain, its links and its chain and link KPIs; the inverse
    /// restores them.
    pub(super) fn delete_chain(&mut self, id: Id) -> Result<Edit, EditError> {
        let index = self
            .chains
            .get_index_of(&id)
            .ok_or_else(|| unknown(ElementKind::Chain, &id))?;
        let (kpis, drives) = self.take_kpis(|k| match &k.at {
            Attach::Chain { chain }
            | Attach::Link { chain, .. }
            | Attach::Handover { chain, .. } => chain == &id,
            Attach::Result { .. } => false,
        });
        let (_, chain) = self
            .chains
            .shift_remove_index(index)
            .ok_or(EditError::BadRestore)?;
        Ok(restore(Root::Chain { index, chain }, kpis, drives, vec![]))
    }

    /// `SetChain`: one field; the inverse sets the old value.
    pub(super) fn set_chain(&mut self, id: Id, field: ChainField) -> Result<Edit, EditError> {
        let c = self
            .chains
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Chain, &id))?;
        let field = field.swap(c);
        Ok(Edit::SetChain { id, field })
    }

    /// The links of a new or restored chain: ids non-empty and unique, departments existing.
    pub(super) fn check_links(&self, chain: &Chain) -> Result<(), EditError> {
        let mut ids = HashSet::with_capacity(chain.links.len());
        for l in &chain.links {
            if l.id.as_str().is_empty() {
                return Err(EditError::EmptyId {
                    kind: ElementKind::Link,
                });
            }
            if !ids.insert(&l.id) {
                return Err(EditError::DuplicateId {
                    kind: ElementKind::Link,
                    id: l.id.clone(),
                });
            }
            self.check_link_department(l)?;
        }
        Ok(())
    }
}
