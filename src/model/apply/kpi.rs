//! The edits of a KPI: `AddKpi`, `DeleteKpi` (and every drives reference to it), `SetKpi`,
//! `SetDrives`, `ToggleDrive`, `AttachKpi`; and the KPI removal the cascading deletes share.

use std::collections::HashSet;
use std::mem::replace;

use super::{restore, slot, unknown};
use crate::model::edit::{DriveRef, Edit, KpiField, PlacedKpi, Root};
use crate::model::error::EditError;
use crate::model::graph::reaches;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Attach, Kpi, Model};

impl Model {
    /// `AddKpi`: inserts `kpi` at `index` (or last); its attachment and drives must resolve.
    /// The inverse deletes it.
    pub(super) fn add_kpi(&mut self, kpi: Kpi, index: Option<usize>) -> Result<Edit, EditError> {
        let taken = self.kpis.contains_key(&kpi.id);
        let at = slot(ElementKind::Kpi, &kpi.id, taken, index, self.kpis.len())?;
        self.check_attach(&kpi.at, None)?;
        // A new KPI has no incoming drives, so its own drives cannot close a cycle.
        self.check_drive_list(&kpi.id, &kpi.drives, false)?;
        let id = kpi.id.clone();
        self.kpis.shift_insert(at, id.clone(), kpi);
        Ok(Edit::DeleteKpi { id })
    }

    /// `DeleteKpi`: removes it and every drives reference to it; the inverse restores both.
    pub(super) fn delete_kpi(&mut self, id: Id) -> Result<Edit, EditError> {
        let index = self
            .kpis
            .get_index_of(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        let (kpis, drives) = self.remove_kpis_at(&[index]);
        Ok(restore(Root::Kpi { id }, kpis, drives, vec![]))
    }

    /// `SetKpi`: one field; the inverse sets the old value.
    pub(super) fn set_kpi(&mut self, id: Id, field: KpiField) -> Result<Edit, EditError> {
        let k = self
            .kpis
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        Ok(Edit::SetKpi {
            id,
            field: field.swap(k),
        })
    }

    /// `SetDrives`: replaces the drives list (checked, no cycle); the inverse sets the old one.
    pub(super) fn set_drives(&mut self, id: Id, drives: Vec<Id>) -> Result<Edit, EditError> {
        if !self.kpis.contains_key(&id) {
            return Err(unknown(ElementKind::Kpi, &id));
        }
        self.check_drive_list(&id, &drives, true)?;
        let k = self
            .kpis
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        let old = replace(&mut k.drives, drives);
        Ok(Edit::SetDrives { id, drives: old })
    }

    /// `ToggleDrive`: removes `target` from the drives list, or appends it (checked); the
    /// inverse sets the old list.
    pub(super) fn toggle_drive(&mut self, id: Id, target: Id) -> Result<Edit, EditError> {
        let k = self
            .kpis
            .get(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        let present = k.drives.contains(&target);
        if !present {
            self.check_drive_list(&id, std::slice::from_ref(&target), true)?;
        }
        let k = self
            .kpis
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        let old = k.drives.clone();
        if present {
            k.drives.retain(|t| t != &target);
        } else {
            k.drives.push(target);
        }
        Ok(Edit::SetDrives { id, drives: old })
    }

    /// `AttachKpi`: hangs the KPI elsewhere (which may change its level); the inverse hangs it
    /// back.
    pub(super) fn attach_kpi(&mut self, id: Id, at: Attach) -> Result<Edit, EditError> {
        if !self.kpis.contains_key(&id) {
            return Err(unknown(ElementKind::Kpi, &id));
        }
        self.check_attach(&at, None)?;
        let k = self
            .kpis
            .get_mut(&id)
            .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
        let old = replace(&mut k.at, at);
        Ok(Edit::AttachKpi { id, at: old })
    }

    /// Removes every KPI `pick` selects and every drives reference to them.
    pub(super) fn take_kpis(
        &mut self,
        pick: impl Fn(&Kpi) -> bool,
    ) -> (Vec<PlacedKpi>, Vec<DriveRef>) {
        let indices: Vec<usize> = self
            .kpis
            .values()
            .enumerate()
            .filter(|(_, k)| pick(k))
            .map(|(i, _)| i)
            .collect();
        self.remove_kpis_at(&indices)
    }

    /// Removes the KPIs at `indices` (ascending) and every drives reference to them.
    fn remove_kpis_at(&mut self, indices: &[usize]) -> (Vec<PlacedKpi>, Vec<DriveRef>) {
        let mut placed = Vec::with_capacity(indices.len());
        for &index in indices.iter().rev() {
            if let Some((_, kpi)) = self.kpis.shift_remove_index(index) {
                placed.push(PlacedKpi { index, kpi });
            }
        }
        placed.reverse();
        let mut refs = Vec::new();
        if placed.is_empty() {
            return (placed, refs);
        }
        let gone: HashSet<&Id> = placed.iter().map(|p| &p.kpi.id).collect();
        for (id, k) in self.kpis.iter_mut() {
            if k.drives.iter().any(|t| gone.contains(t)) {
                for (index, t) in k.drives.iter().enumerate() {
                    if gone.contains(t) {
                        refs.push(DriveRef {
                            kpi: id.clone(),
                            index,
                            target: t.clone(),
                        });
                    }
                }
                k.drives.retain(|t| !gone.contains(t));
            }
        }
        (placed, refs)
    }

    /// Whether `at` names an existing goal, chain or link (or the one `root` restores).
    pub(super) fn check_attach(&self, at: &Attach, root: Option<&Root>) -> Result<(), EditError> {
        match at {
            Attach::Result { goal } => {
                let restored = matches!(root, Some(Root::Goal { goal: g, .. }) if &g.id == goal);
                if self.goals.contains_key(goal) || restored {
                    Ok(())
                } else {
                    Err(unknown(ElementKind::Goal, goal))
                }
            }
            Attach::Chain { chain } => {
                let restored = matches!(root, Some(Root::Chain { chain: c, .. }) if &c.id == chain);
                if self.chains.contains_key(chain) || restored {
                    Ok(())
                } else {
                    Err(unknown(ElementKind::Chain, chain))
                }
            }
            Attach::Link { chain, link } | Attach::Handover { chain, link } => {
                let links = match (self.chains.get(chain), root) {
                    (Some(c), _) => &c.links,
                    (None, Some(Root::Chain { chain: c, .. })) if &c.id == chain => &c.links,
                    _ => return Err(unknown(ElementKind::Chain, chain)),
                };
                let restored = matches!(root,
                    Some(Root::Link { chain: c, link: l, .. }) if c == chain && &l.id == link);
                if restored || links.iter().any(|l| &l.id == link) {
                    Ok(())
                } else {
                    Err(EditError::UnknownLink {
                        chain: chain.clone(),
                        link: link.clone(),
                    })
                }
            }
        }
    }

    /// A drives list for KPI `id`: existing targets, not itself, no duplicates and, with
    /// `cycles`, no target that already drives `id` (directly or transitively).
    fn check_drive_list(&self, id: &Id, drives: &[Id], cycles: bool) -> Result<(), EditError> {
        let mut seen_targets = HashSet::with_capacity(drives.len());
        for t in drives {
            if t == id {
                return Err(EditError::SelfDrive { kpi: id.clone() });
            }
            if !self.kpis.contains_key(t) {
                return Err(unknown(ElementKind::Kpi, t));
            }
            if !seen_targets.insert(t) {
                return Err(EditError::DuplicateDrive {
                    kpi: id.clone(),
                    target: t.clone(),
                });
            }
        }
        if cycles {
            let current: &[Id] = self.kpis.get(id).map(|k| &k.drives[..]).unwrap_or(&[]);
            let mut seen = HashSet::new();
            for t in drives.iter().filter(|t| !current.contains(t)) {
                if let Some((start, _)) = self.kpis.get_key_value(t) {
                    if reaches(self, start, id, &mut seen) {
                        return Err(EditError::DrivesCycle {
                            kpi: id.clone(),
                            target: t.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}
