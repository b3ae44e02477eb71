//! The edits of a link (identified by its chain and its id): `AddLink`, `DeleteLink` (with its
//! link KPIs), `SetLink`, `MoveLink`.

use super::{link_pos, restore, slot, unknown};
use crate::model::edit::{Edit, LinkField, Root};
use crate::model::error::EditError;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Attach, Link, Model};

impl Model {
    /// `AddLink`: inserts `link` into `chain` at `index` (or last); the inverse deletes it.
    pub(super) fn add_link(
        &mut self,
        chain: Id,
        link: Link,
        index: Option<usize>,
    ) -> Result<Edit, EditError> {
        self.check_link_department(&link)?;
        let c = self
            .chains
            .get_mut(&chain)
            .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
        let taken = c.links.iter().any(|l| l.id == link.id);
        let at = slot(ElementKind::Link, &link.id, taken, index, c.links.len())?;
        let id = link.id.clone();
        c.links.insert(at, link);
        Ok(Edit::DeleteLink { chain, link: id })
    }

    /// `DeleteLink`: removes the link, its link KPIs and the KPIs of its handover (the one
    /// after it, `model::handover`); the inverse restores them.
    pub(super) fn delete_link(&mut self, chain: Id, link: Id) -> Result<Edit, EditError> {
        let c = self
            .chains
            .get(&chain)
            .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
        let index = link_pos(c, &link)?;
        let (kpis, drives) = self.take_kpis(
            |k| matches!(&k.at, Attach::Link { chain: c, link: l } | Attach::Handover { chain: c, link: l } if c == &chain && l == &link),
        );
        let removed = match self.chains.get_mut(&chain) {
            Some(c) if index < c.links.len() => c.links.remove(index),
            _ => return Err(EditError::BadRestore),
        };
        Ok(restore(
            Root::Link {
                chain,
                index,
                link: removed,
            },
            kpis,
            drives,
            vec![],
        ))
    }

    /// `SetLink`: one field (a department must exist); the inverse sets the old value.
    pub(super) fn set_link(
        &mut self,
        chain: Id,
        link: Id,
        field: LinkField,
    ) -> Result<Edit, EditError> {
        if let LinkField::Department(Some(d)) = &field {
            if !self.departments.contains_key(d) {
                return Err(unknown(ElementKind::Department, d));
            }
        }
        let c = self
            .chains
            .get_mut(&chain)
            .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
        let pos = link_pos(c, &link)?;
        let field = field.swap(&mut c.links[pos]);
        Ok(Edit::SetLink { chain, link, field })
    }

    /// `MoveLink`: moves the link to position `to` in its chain; the inverse moves it back.
    pub(super) fn move_link(&mut self, chain: Id, link: Id, to: usize) -> Result<Edit, EditError> {
        let c = self
            .chains
            .get_mut(&chain)
            .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
        let from = link_pos(c, &link)?;
        if to >= c.links.len() {
            return Err(EditError::IndexOutOfRange {
                index: to,
                len: c.links.len().saturating_sub(1),
            });
        }
        let moved = c.links.remove(from);
        c.links.insert(to, moved);
        Ok(Edit::MoveLink {
            chain,
            link,
            to: from,
        })
    }

    /// A link's department, if it names one, exists.
    pub(super) fn check_link_department(&self, link: &Link) -> Result<(), EditError> {
        match &link.department {
            Some(d) if !self.departments.contains_key(d) => {
                Err(unknown(ElementKind::Department, d))
            }
            _ => Ok(()),
        }
    }
}
