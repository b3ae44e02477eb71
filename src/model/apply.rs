//! [`Model::apply`]: performs an [`Edit`] and returns its exact inverse, or refuses it with an
//! [`EditError`] and changes nothing.
//!
//! Every edit validates before it mutates. Lookups go through the `IndexMap`s (O(1)); only
//! cascading deletes scan the KPIs for references. `Model::modified` is never touched here:
//! the shell stamps it, so undo gives back an equal model.

use std::collections::{HashMap, HashSet};
use std::mem::replace;

use indexmap::IndexMap;

use super::edit::{
    ChainField, DepartmentField, DriveRef, Edit, GoalField, KpiField, LinkField, LinkRef,
    ModelField, PlacedKpi, Restore, Root,
};
use super::error::EditError;
use super::graph::{has_cycle_from, reaches};
use super::id::Id;
use super::target::ElementKind;
use super::types::{Attach, Chain, Kpi, Link, Model};

fn unknown(kind: ElementKind, id: &Id) -> EditError {
    EditError::Unknown {
        kind,
        id: id.clone(),
    }
}

/// Where a new element goes: checks its id and the requested index.
fn slot(
    kind: ElementKind,
    id: &Id,
    taken: bool,
    index: Option<usize>,
    len: usize,
) -> Result<usize, EditError> {
    if id.as_str().is_empty() {
        return Err(EditError::EmptyId { kind });
    }
    if taken {
        return Err(EditError::DuplicateId {
            kind,
            id: id.clone(),
        });
    }
    match index {
        Some(i) if i > len => Err(EditError::IndexOutOfRange { index: i, len }),
        Some(i) => Ok(i),
        None => Ok(len),
    }
}

fn link_pos(chain: &Chain, link: &Id) -> Result<usize, EditError> {
    chain
        .links
        .iter()
        .position(|l| &l.id == link)
        .ok_or_else(|| EditError::UnknownLink {
            chain: chain.id.clone(),
            link: link.clone(),
        })
}

fn reorder<T>(
    map: &mut IndexMap<Id, T>,
    kind: ElementKind,
    id: Id,
    to: usize,
) -> Result<Edit, EditError> {
    let from = map.get_index_of(&id).ok_or_else(|| unknown(kind, &id))?;
    if to >= map.len() {
        return Err(EditError::IndexOutOfRange {
            index: to,
            len: map.len().saturating_sub(1),
        });
    }
    map.move_index(from, to);
    Ok(Edit::Reorder { kind, id, to: from })
}

impl Model {
    /// Performs `edit` and returns the edit that undoes it exactly; or refuses it and leaves
    /// the model untouched.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(err) => {
                            // Roll back what was applied: each inverse is exact.
                            for inverse in inverses.into_iter().rev() {
                                let _ = self.apply(inverse);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }

            Edit::SetModel { field } => {
                let field = match field {
                    ModelField::Name(v) => ModelField::Name(replace(&mut self.name, v)),
                    ModelField::Organisation(v) => {
                        ModelField::Organisation(replace(&mut self.organisation, v))
                    }
                    ModelField::Description(v) => {
                        ModelField::Description(replace(&mut self.description, v))
                    }
                };
                Ok(Edit::SetModel { field })
            }

            Edit::AddGoal { goal, index } => {
                let taken = self.goals.contains_key(&goal.id);
                let at = slot(ElementKind::Goal, &goal.id, taken, index, self.goals.len())?;
                let id = goal.id.clone();
                self.goals.shift_insert(at, id.clone(), goal);
                Ok(Edit::DeleteGoal { id })
            }
            Edit::DeleteGoal { id } => {
                let index = self
                    .goals
                    .get_index_of(&id)
                    .ok_or_else(|| unknown(ElementKind::Goal, &id))?;
                let (kpis, drives) =
                    self.take_kpis(|k| matches!(&k.at, Attach::Result { goal } if goal == &id));
                let (_, goal) = self
                    .goals
                    .shift_remove_index(index)
                    .ok_or(EditError::BadRestore)?;
                Ok(restore(Root::Goal { index, goal }, kpis, drives, vec![]))
            }
            Edit::SetGoal { id, field } => {
                let g = self
                    .goals
                    .get_mut(&id)
                    .ok_or_else(|| unknown(ElementKind::Goal, &id))?;
                let field = match field {
                    GoalField::Name(v) => GoalField::Name(replace(&mut g.name, v)),
                    GoalField::Description(v) => {
                        GoalField::Description(replace(&mut g.description, v))
                    }
                };
                Ok(Edit::SetGoal { id, field })
            }

            Edit::AddDepartment { department, index } => {
                let taken = self.departments.contains_key(&department.id);
                let len = self.departments.len();
                let at = slot(ElementKind::Department, &department.id, taken, index, len)?;
                let id = department.id.clone();
                self.departments.shift_insert(at, id.clone(), department);
                Ok(Edit::DeleteDepartment { id })
            }
            Edit::DeleteDepartment { id } => {
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
            Edit::SetDepartment { id, field } => {
                let d = self
                    .departments
                    .get_mut(&id)
                    .ok_or_else(|| unknown(ElementKind::Department, &id))?;
                let field = match field {
                    DepartmentField::Name(v) => DepartmentField::Name(replace(&mut d.name, v)),
                    DepartmentField::Description(v) => {
                        DepartmentField::Description(replace(&mut d.description, v))
                    }
                };
                Ok(Edit::SetDepartment { id, field })
            }

            Edit::AddChain { chain, index } => {
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
            Edit::DeleteChain { id } => {
                let index = self
                    .chains
                    .get_index_of(&id)
                    .ok_or_else(|| unknown(ElementKind::Chain, &id))?;
                let (kpis, drives) = self.take_kpis(|k| match &k.at {
                    Attach::Chain { chain } | Attach::Link { chain, .. } => chain == &id,
                    Attach::Result { .. } => false,
                });
                let (_, chain) = self
                    .chains
                    .shift_remove_index(index)
                    .ok_or(EditError::BadRestore)?;
                Ok(restore(Root::Chain { index, chain }, kpis, drives, vec![]))
            }
            Edit::SetChain { id, field } => {
                let c = self
                    .chains
                    .get_mut(&id)
                    .ok_or_else(|| unknown(ElementKind::Chain, &id))?;
                let field = match field {
                    ChainField::Name(v) => ChainField::Name(replace(&mut c.name, v)),
                    ChainField::Description(v) => {
                        ChainField::Description(replace(&mut c.description, v))
                    }
                    ChainField::Customer(v) => ChainField::Customer(replace(&mut c.customer, v)),
                    ChainField::Trigger(v) => ChainField::Trigger(replace(&mut c.trigger, v)),
                    ChainField::Outcome(v) => ChainField::Outcome(replace(&mut c.outcome, v)),
                    ChainField::Owner(v) => ChainField::Owner(replace(&mut c.owner, v)),
                };
                Ok(Edit::SetChain { id, field })
            }

            Edit::AddLink { chain, link, index } => {
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
            Edit::DeleteLink { chain, link } => {
                let c = self
                    .chains
                    .get(&chain)
                    .ok_or_else(|| unknown(ElementKind::Chain, &chain))?;
                let index = link_pos(c, &link)?;
                let (kpis, drives) = self.take_kpis(|k| {
                    matches!(&k.at, Attach::Link { chain: c, link: l } if c == &chain && l == &link)
                });
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
            Edit::SetLink { chain, link, field } => {
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
                let l = &mut c.links[pos];
                let field = match field {
                    LinkField::Name(v) => LinkField::Name(replace(&mut l.name, v)),
                    LinkField::Description(v) => {
                        LinkField::Description(replace(&mut l.description, v))
                    }
                    LinkField::Department(v) => {
                        LinkField::Department(replace(&mut l.department, v))
                    }
                    LinkField::External(v) => LinkField::External(replace(&mut l.external, v)),
                    LinkField::Owner(v) => LinkField::Owner(replace(&mut l.owner, v)),
                };
                Ok(Edit::SetLink { chain, link, field })
            }
            Edit::MoveLink { chain, link, to } => {
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

            Edit::AddKpi { kpi, index } => {
                let taken = self.kpis.contains_key(&kpi.id);
                let at = slot(ElementKind::Kpi, &kpi.id, taken, index, self.kpis.len())?;
                self.check_attach(&kpi.at, None)?;
                // A new KPI has no incoming drives, so its own drives cannot close a cycle.
                self.check_drive_list(&kpi.id, &kpi.drives, false)?;
                let id = kpi.id.clone();
                self.kpis.shift_insert(at, id.clone(), kpi);
                Ok(Edit::DeleteKpi { id })
            }
            Edit::DeleteKpi { id } => {
                let index = self
                    .kpis
                    .get_index_of(&id)
                    .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
                let (kpis, drives) = self.remove_kpis_at(&[index]);
                Ok(restore(Root::Kpi { id }, kpis, drives, vec![]))
            }
            Edit::SetKpi { id, field } => {
                let k = self
                    .kpis
                    .get_mut(&id)
                    .ok_or_else(|| unknown(ElementKind::Kpi, &id))?;
                Ok(Edit::SetKpi {
                    id,
                    field: set_kpi_field(k, field),
                })
            }
            Edit::SetDrives { id, drives } => {
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
            Edit::ToggleDrive { id, target } => {
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
            Edit::AttachKpi { id, at } => {
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

            Edit::Reorder { kind, id, to } => match kind {
                ElementKind::Goal => reorder(&mut self.goals, kind, id, to),
                ElementKind::Department => reorder(&mut self.departments, kind, id, to),
                ElementKind::Chain => reorder(&mut self.chains, kind, id, to),
                ElementKind::Kpi => reorder(&mut self.kpis, kind, id, to),
                // Links live in their chain: use `Edit::MoveLink`.
                ElementKind::Link => Err(unknown(kind, &id)),
            },

            Edit::Restore(r) => {
                self.check_restore(&r)?;
                Ok(self.restore(*r))
            }
        }
    }

    /// Removes every KPI `pick` selects and every drives reference to them.
    fn take_kpis(&mut self, pick: impl Fn(&Kpi) -> bool) -> (Vec<PlacedKpi>, Vec<DriveRef>) {
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

    /// The links of a new or restored chain: ids non-empty and unique, departments existing.
    fn check_links(&self, chain: &Chain) -> Result<(), EditError> {
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

    fn check_link_department(&self, link: &Link) -> Result<(), EditError> {
        match &link.department {
            Some(d) if !self.departments.contains_key(d) => {
                Err(unknown(ElementKind::Department, d))
            }
            _ => Ok(()),
        }
    }

    /// Whether `at` names an existing goal, chain or link (or the one `root` restores).
    fn check_attach(&self, at: &Attach, root: Option<&Root>) -> Result<(), EditError> {
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
            Attach::Link { chain, link } => {
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

fn restore(root: Root, kpis: Vec<PlacedKpi>, drives: Vec<DriveRef>, links: Vec<LinkRef>) -> Edit {
    Edit::Restore(Box::new(Restore {
        root,
        kpis,
        drives,
        links,
    }))
}

fn set_kpi_field(k: &mut Kpi, field: KpiField) -> KpiField {
    match field {
        KpiField::Name(v) => KpiField::Name(replace(&mut k.name, v)),
        KpiField::Definition(v) => KpiField::Definition(replace(&mut k.definition, v)),
        KpiField::Formula(v) => KpiField::Formula(replace(&mut k.formula, v)),
        KpiField::Unit(v) => KpiField::Unit(replace(&mut k.unit, v)),
        KpiField::Direction(v) => KpiField::Direction(replace(&mut k.direction, v)),
        KpiField::Target(v) => KpiField::Target(replace(&mut k.target, v)),
        KpiField::Amber(v) => KpiField::Amber(replace(&mut k.amber, v)),
        KpiField::Red(v) => KpiField::Red(replace(&mut k.red, v)),
        KpiField::Frequency(v) => KpiField::Frequency(replace(&mut k.frequency, v)),
        KpiField::Owner(v) => KpiField::Owner(replace(&mut k.owner, v)),
        KpiField::DataSource(v) => KpiField::DataSource(replace(&mut k.data_source, v)),
        KpiField::ValueType(v) => KpiField::ValueType(replace(&mut k.value_type, v)),
    }
}
