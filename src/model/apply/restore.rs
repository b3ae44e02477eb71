//! `Restore`, the inverse of every cascading delete: checked whole first (ids free, indices
//! in range, references resolvable, no cycle), then put back.

use std::collections::{HashMap, HashSet};

use super::{link_pos, slot, unknown};
use crate::model::edit::{Edit, Restore, Root};
use crate::model::error::EditError;
use crate::model::graph::has_cycle_from;
use crate::model::id::Id;
use crate::model::target::ElementKind;
use crate::model::types::{Kpi, Model};

impl Model {
    /// `Restore`: puts back what a delete removed; the inverse is that delete again.
    pub(super) fn apply_restore(&mut self, r: Restore) -> Result<Edit, EditError> {
        self.check_restore(&r)?;
        Ok(self.restore(r))
    }

    /// Puts back a checked restore and returns the delete that undoes it.
    fn restore(&mut self, r: Restore) -> Edit {
        let Restore {
            root,
            kpis,
            drives,
            links,
        } = r;
        let inverse = match root {
            Root::Goal { index, goal } => {
                let id = goal.id.clone();
                let index = index.min(self.goals.len());
                self.goals.shift_insert(index, id.clone(), goal);
                Edit::DeleteGoal { id }
            }
            Root::Department { index, department } => {
                let id = department.id.clone();
                let index = index.min(self.departments.len());
                self.departments.shift_insert(index, id.clone(), department);
                for r in links {
                    if let Some(c) = self.chains.get_mut(&r.chain) {
                        if let Some(l) = c.links.iter_mut().find(|l| l.id == r.link) {
                            l.department = Some(id.clone());
                        }
                    }
                }
                Edit::DeleteDepartment { id }
            }
            Root::Chain { index, chain } => {
                let id = chain.id.clone();
                let index = index.min(self.chains.len());
                self.chains.shift_insert(index, id.clone(), chain);
                Edit::DeleteChain { id }
            }
            Root::Link { chain, index, link } => {
                let id = link.id.clone();
                if let Some(c) = self.chains.get_mut(&chain) {
                    let index = index.min(c.links.len());
                    c.links.insert(index, link);
                }
                Edit::DeleteLink { chain, link: id }
            }
            Root::Kpi { id } => Edit::DeleteKpi { id },
        };
        for p in kpis {
            let index = p.index.min(self.kpis.len());
            self.kpis.shift_insert(index, p.kpi.id.clone(), p.kpi);
        }
        for d in drives {
            if let Some(k) = self.kpis.get_mut(&d.kpi) {
                let index = d.index.min(k.drives.len());
                k.drives.insert(index, d.target);
            }
        }
        inverse
    }

    /// Checks that a restore fits: ids free, indices in range, every reference resolvable,
    /// no duplicate drives and no cycle.
    fn check_restore(&self, r: &Restore) -> Result<(), EditError> {
        let root = Some(&r.root);
        match &r.root {
            Root::Goal { index, goal } => {
                let taken = self.goals.contains_key(&goal.id);
                slot(
                    ElementKind::Goal,
                    &goal.id,
                    taken,
                    Some(*index),
                    self.goals.len(),
                )?;
            }
            Root::Department { index, department } => {
                let taken = self.departments.contains_key(&department.id);
                let len = self.departments.len();
                slot(
                    ElementKind::Department,
                    &department.id,
                    taken,
                    Some(*index),
                    len,
                )?;
            }
            Root::Chain { index, chain } => {
                let taken = self.chains.contains_key(&chain.id);
                slot(
                    ElementKind::Chain,
                    &chain.id,
                    taken,
                    Some(*index),
                    self.chains.len(),
                )?;
                self.check_links(chain)?;
            }
            Root::Link { chain, index, link } => {
                let c = self
                    .chains
                    .get(chain)
                    .ok_or_else(|| unknown(ElementKind::Chain, chain))?;
                let taken = c.links.iter().any(|l| l.id == link.id);
                slot(
                    ElementKind::Link,
                    &link.id,
                    taken,
                    Some(*index),
                    c.links.len(),
                )?;
                self.check_link_department(link)?;
            }
            Root::Kpi { id } => {
                if r.kpis.len() != 1 || &r.kpis[0].kpi.id != id {
                    return Err(EditError::BadRestore);
                }
            }
        }
        if !r.links.is_empty() && !matches!(r.root, Root::Department { .. }) {
            return Err(EditError::BadRestore);
        }
        for l in &r.links {
            let c = self
                .chains
                .get(&l.chain)
                .ok_or_else(|| unknown(ElementKind::Chain, &l.chain))?;
            link_pos(c, &l.link)?;
        }

        // Restored KPIs: free ids, ascending indices in range, valid attachments.
        let mut restored: HashMap<&Id, &Kpi> = HashMap::with_capacity(r.kpis.len());
        let mut previous: Option<usize> = None;
        for (n, p) in r.kpis.iter().enumerate() {
            let taken = self.kpis.contains_key(&p.kpi.id) || restored.contains_key(&p.kpi.id);
            let len = self.kpis.len() + n;
            slot(ElementKind::Kpi, &p.kpi.id, taken, Some(p.index), len)?;
            if previous.is_some_and(|prev| p.index <= prev) {
                return Err(EditError::BadRestore);
            }
            previous = Some(p.index);
            self.check_attach(&p.kpi.at, root)?;
            restored.insert(&p.kpi.id, &p.kpi);
        }
        let exists = |id: &Id| self.kpis.contains_key(id) || restored.contains_key(id);
        for p in &r.kpis {
            let mut seen = HashSet::new();
            for t in &p.kpi.drives {
                if t == &p.kpi.id {
                    return Err(EditError::SelfDrive {
                        kpi: p.kpi.id.clone(),
                    });
                }
                if !exists(t) {
                    return Err(unknown(ElementKind::Kpi, t));
                }
                if !seen.insert(t) {
                    return Err(EditError::DuplicateDrive {
                        kpi: p.kpi.id.clone(),
                        target: t.clone(),
                    });
                }
            }
        }

        // Restored drives references: into existing lists, at positions in range.
        let mut extra: HashMap<&Id, Vec<&Id>> = HashMap::new();
        for d in &r.drives {
            let list = match (self.kpis.get(&d.kpi), restored.get(&d.kpi)) {
                (Some(k), _) => &k.drives,
                (None, Some(k)) => &k.drives,
                (None, None) => return Err(unknown(ElementKind::Kpi, &d.kpi)),
            };
            if d.target == d.kpi {
                return Err(EditError::SelfDrive { kpi: d.kpi.clone() });
            }
            if !exists(&d.target) {
                return Err(unknown(ElementKind::Kpi, &d.target));
            }
            let added = extra.entry(&d.kpi).or_default();
            if list.contains(&d.target) || added.contains(&&d.target) {
                return Err(EditError::DuplicateDrive {
                    kpi: d.kpi.clone(),
                    target: d.target.clone(),
                });
            }
            let len = list.len() + added.len();
            if d.index > len {
                return Err(EditError::IndexOutOfRange {
                    index: d.index,
                    len,
                });
            }
            added.push(&d.target);
        }

        // Any new cycle runs through a restored KPI or a restored reference.
        let edges = |n: &Id| -> Vec<&Id> {
            let mut out: Vec<&Id> = match restored.get(n) {
                Some(k) => k.drives.iter().collect(),
                None => self
                    .kpis
                    .get(n)
                    .map(|k| k.drives.iter().collect())
                    .unwrap_or_default(),
            };
            if let Some(more) = extra.get(n) {
                out.extend(more.iter().copied());
            }
            out
        };
        let starts = restored.keys().copied().chain(extra.keys().copied());
        if has_cycle_from(starts, edges) {
            return Err(EditError::BadRestore);
        }
        Ok(())
    }
}
