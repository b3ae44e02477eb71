//! What an edit touched, as [`Topic`]s: the unit a view subscribes to and an edit notifies.
//!
//! A view reads the open model through topics ("the fields of KPI k", "the links of chain c",
//! "the KPIs at link l", "the list of chains"); applying an edit yields exactly the topics whose
//! answer may have changed. Undo and redo are edits too (the recorded inverse), so they touch
//! what the edit did. Computed from the applied edit, its inverse and the model after it.

use std::collections::HashSet;

use super::edit::{Edit, Restore, Root};
use super::id::Id;
use super::meeting::MeetingAt;
use super::target::{ElementKind, Target};
use super::types::{Attach, Chain, Department, Extra, Kpi, Model};

/// One thing a reader of the model can depend on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// The own fields of the model or of one element (name, description, owner, target...),
    /// and whether that element exists. Not its children, not its position, not `drives`.
    Fields(Target),
    /// Which goals exist, in order.
    Goals,
    /// Which departments exist, in order.
    Departments,
    /// Which chains exist, in order.
    Chains,
    /// Which links chain `id` has, in order.
    Links(Id),
    /// Which KPIs exist, in order, and where each hangs (its `at`, so its level).
    Kpis,
    /// The KPIs hanging at one goal, chain or link, in model order.
    KpisAt(Attach),
    /// Every KPI's `drives` list (the arrows of the structure); the order of the KPIs
    /// themselves is [`Topic::Kpis`].
    Drives,
    /// One KPI's measured values (every period).
    Values(Id),
    /// One KPI's comments (every period).
    Comments(Id),
    /// One meeting (a chain's, a department's or the MT's): its actions, the next meeting's
    /// notes and attendance, the meetings held.
    Meeting(MeetingAt),
}

/// The topics one change touched (no duplicates, in first-touched order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    topics: Vec<Topic>,
    seen: HashSet<Topic>,
}

impl Touched {
    pub fn new() -> Touched {
        Touched::default()
    }

    pub fn add(&mut self, topic: Topic) {
        if self.seen.insert(topic.clone()) {
            self.topics.push(topic);
        }
    }

    pub fn extend(&mut self, other: Touched) {
        for t in other.topics {
            self.add(t);
        }
    }

    pub fn contains(&self, topic: &Topic) -> bool {
        self.seen.contains(topic)
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    pub fn len(&self) -> usize {
        self.topics.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Topic> {
        self.topics.iter()
    }

    /// What `edit` touched, given its `inverse` (as returned by `Model::apply`) and the model
    /// after it was applied.
    pub fn by(edit: &Edit, inverse: &Edit, after: &Model) -> Touched {
        let mut t = Touched::new();
        t.edit(edit, inverse, after);
        t
    }

    fn edit(&mut self, edit: &Edit, inverse: &Edit, after: &Model) {
        match edit {
            Edit::SetModel { .. }
            | Edit::SetGoal { .. }
            | Edit::SetDepartment { .. }
            | Edit::SetChain { .. }
            | Edit::SetLink { .. }
            | Edit::SetKpi { .. } => {
                if let Some((target, _)) = edit.field_key() {
                    self.add(Topic::Fields(target));
                }
            }
            Edit::AddGoal { goal, .. } => self.goal(&goal.id),
            Edit::AddDepartment { department, .. } => self.department(&department.id),
            Edit::AddChain { chain, .. } => self.chain(chain),
            Edit::AddLink { chain, link, .. } => self.link(chain, &link.id),
            Edit::MoveLink { chain, .. } => self.add(Topic::Links(chain.clone())),
            Edit::AddAction { at, .. }
            | Edit::DeleteAction { at, .. }
            | Edit::SetAction { at, .. }
            | Edit::SetMeetingNotes { at, .. }
            | Edit::SetAttendance { at, .. }
            | Edit::CloseMeeting { at, .. }
            | Edit::ReopenMeeting { at, .. } => self.add(Topic::Meeting(at.clone())),
            Edit::SetValue { kpi, .. } => self.add(Topic::Values(kpi.clone())),
            Edit::SetComment { kpi, .. } => self.add(Topic::Comments(kpi.clone())),
            Edit::AddKpi { kpi, .. } => {
                self.add(Topic::Kpis);
                self.add(Topic::KpisAt(kpi.at.clone()));
                self.kpi(&kpi.id);
                if !kpi.drives.is_empty() {
                    self.add(Topic::Drives);
                }
            }
            Edit::SetDrives { .. } | Edit::ToggleDrive { .. } => self.add(Topic::Drives),
            Edit::AttachKpi { id, at } => {
                self.add(Topic::Kpis);
                self.add(Topic::KpisAt(at.clone()));
                if let Edit::AttachKpi { at: old, .. } = inverse {
                    self.add(Topic::KpisAt(old.clone()));
                }
                self.add(Topic::Fields(Target::Kpi(id.clone())));
            }
            Edit::Reorder { kind, id, .. } => match kind {
                ElementKind::Goal => self.add(Topic::Goals),
                ElementKind::Department => self.add(Topic::Departments),
                ElementKind::Chain => self.add(Topic::Chains),
                ElementKind::Link | ElementKind::Action | ElementKind::Handover => {}
                ElementKind::Kpi => {
                    self.add(Topic::Kpis);
                    if let Some(k) = after.kpis.get(id) {
                        self.add(Topic::KpisAt(k.at.clone()));
                    }
                }
            },
            Edit::DeleteGoal { .. }
            | Edit::DeleteDepartment { .. }
            | Edit::DeleteChain { .. }
            | Edit::DeleteLink { .. }
            | Edit::DeleteKpi { .. } => {
                // The inverse of a cascading delete says everything it removed.
                if let Edit::Restore(r) = inverse {
                    self.restore(r);
                }
            }
            Edit::Restore(r) => self.restore(r),
            Edit::Batch(edits) => {
                let inverses: &[Edit] = match inverse {
                    Edit::Batch(inv) => inv,
                    _ => &[],
                };
                // The batch's inverse is the parts' inverses in reverse order.
                for (i, e) in edits.iter().enumerate() {
                    let inv = inverses
                        .len()
                        .checked_sub(i + 1)
                        .and_then(|j| inverses.get(j));
                    match inv {
                        Some(inv) => self.edit(e, inv, after),
                        None => self.edit(e, &Edit::Batch(Vec::new()), after),
                    }
                }
            }
        }
    }

    /// What differs between two versions of one model, for a version that did not come from
    /// an edit here (another tab's save, a merge): the same topics the edits between them would
    /// have touched, so the views update in place (the selection and the scroll stay).
    pub fn between(old: &Model, new: &Model) -> Touched {
        let mut t = Touched::new();
        if (&old.name, &old.organisation, &old.description)
            != (&new.name, &new.organisation, &new.description)
        {
            t.add(Topic::Fields(Target::Model));
        }
        if !old.goals.keys().eq(new.goals.keys()) {
            t.add(Topic::Goals);
        }
        for id in either(&old.goals, &new.goals) {
            if old.goals.get(id) != new.goals.get(id) {
                t.add(Topic::Fields(Target::Goal(id.clone())));
            }
        }
        if !old.departments.keys().eq(new.departments.keys()) {
            t.add(Topic::Departments);
        }
        for id in either(&old.departments, &new.departments) {
            let (a, b) = (old.departments.get(id), new.departments.get(id));
            if a.map(department_fields) != b.map(department_fields) {
                t.add(Topic::Fields(Target::Department(id.clone())));
            }
            if a.map(|d| &d.meeting) != b.map(|d| &d.meeting) {
                t.add(Topic::Meeting(MeetingAt::Department(id.clone())));
            }
        }
        if old.mt_meeting != new.mt_meeting {
            t.add(Topic::Meeting(MeetingAt::Mt));
        }
        if !old.chains.keys().eq(new.chains.keys()) {
            t.add(Topic::Chains);
        }
        for id in either(&old.chains, &new.chains) {
            match (old.chains.get(id), new.chains.get(id)) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), Some(b)) => t.chain_between(a, b),
                (Some(c), None) | (None, Some(c)) => t.chain(c),
                (None, None) => {}
            }
        }
        if !old.kpis.keys().eq(new.kpis.keys()) {
            t.add(Topic::Kpis);
        }
        // The KPIs at each goal, chain or link, in order: any that differ.
        let (at_old, at_new) = (kpis_at(old), kpis_at(new));
        for a in at_old.keys().chain(at_new.keys()) {
            if at_old.get(a) != at_new.get(a) {
                t.add(Topic::Kpis);
                t.add(Topic::KpisAt((*a).clone()));
            }
        }
        for id in either(&old.kpis, &new.kpis) {
            match (old.kpis.get(id), new.kpis.get(id)) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), Some(b)) => {
                    if a.drives != b.drives {
                        t.add(Topic::Drives);
                    }
                    if a.values != b.values {
                        t.add(Topic::Values(id.clone()));
                    }
                    if a.comments != b.comments {
                        t.add(Topic::Comments(id.clone()));
                    }
                    let own = |k: &Kpi| Kpi {
                        drives: Vec::new(),
                        values: Default::default(),
                        comments: Default::default(),
                        ..k.clone()
                    };
                    if own(a) != own(b) {
                        t.add(Topic::Fields(Target::Kpi(id.clone())));
                    }
                }
                (Some(k), None) | (None, Some(k)) => {
                    t.kpi(id);
                    if !k.drives.is_empty() {
                        t.add(Topic::Drives);
                    }
                }
                (None, None) => {}
            }
        }
        t
    }

    /// One chain in both versions: its own fields, its links (which, in what order, each
    /// link's fields) and its meeting.
    fn chain_between(&mut self, a: &Chain, b: &Chain) {
        let own = |c: &Chain| Chain {
            links: Vec::new(),
            meeting: Default::default(),
            ..c.clone()
        };
        if own(a) != own(b) {
            self.add(Topic::Fields(Target::Chain(a.id.clone())));
        }
        if !a
            .links
            .iter()
            .map(|l| &l.id)
            .eq(b.links.iter().map(|l| &l.id))
        {
            self.add(Topic::Links(a.id.clone()));
        }
        let added = b.links.iter().filter(|l| link_of(a, &l.id).is_none());
        for l in a.links.iter().chain(added) {
            if link_of(a, &l.id) != link_of(b, &l.id) {
                self.add(Topic::Fields(Target::Link {
                    chain: a.id.clone(),
                    link: l.id.clone(),
                }));
            }
        }
        if a.meeting != b.meeting {
            self.add(Topic::Meeting(MeetingAt::Chain(a.id.clone())));
        }
    }

    /// A goal added or removed.
    fn goal(&mut self, id: &Id) {
        self.add(Topic::Goals);
        self.add(Topic::Fields(Target::Goal(id.clone())));
    }

    /// A KPI added or removed: its fields, values and comments.
    fn kpi(&mut self, id: &Id) {
        self.add(Topic::Fields(Target::Kpi(id.clone())));
        self.add(Topic::Values(id.clone()));
        self.add(Topic::Comments(id.clone()));
    }

    /// A department added or removed.
    fn department(&mut self, id: &Id) {
        self.add(Topic::Departments);
        self.add(Topic::Fields(Target::Department(id.clone())));
        self.add(Topic::Meeting(MeetingAt::Department(id.clone())));
    }

    /// A chain added or removed, with its links.
    fn chain(&mut self, chain: &Chain) {
        self.add(Topic::Chains);
        self.add(Topic::Meeting(MeetingAt::Chain(chain.id.clone())));
        self.add(Topic::Fields(Target::Chain(chain.id.clone())));
        for l in &chain.links {
            self.link(&chain.id, &l.id);
        }
        self.add(Topic::Links(chain.id.clone()));
    }

    /// A link added to or removed from a chain.
    fn link(&mut self, chain: &Id, link: &Id) {
        self.add(Topic::Links(chain.clone()));
        self.add(Topic::Fields(Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        }));
    }

    /// What a cascading delete removed, or its undo puts back: the same topics either way.
    fn restore(&mut self, r: &Restore) {
        match &r.root {
            Root::Goal { goal, .. } => self.goal(&goal.id),
            Root::Department { department, .. } => self.department(&department.id),
            Root::Chain { chain, .. } => self.chain(chain),
            Root::Link { chain, link, .. } => self.link(chain, &link.id),
            Root::Kpi { id } => self.kpi(id),
        }
        if !r.kpis.is_empty() {
            self.add(Topic::Kpis);
        }
        for p in &r.kpis {
            self.add(Topic::KpisAt(p.kpi.at.clone()));
            self.kpi(&p.kpi.id);
            if !p.kpi.drives.is_empty() {
                self.add(Topic::Drives);
            }
        }
        if !r.drives.is_empty() {
            self.add(Topic::Drives);
        }
        for l in &r.links {
            self.add(Topic::Fields(Target::Link {
                chain: l.chain.clone(),
                link: l.link.clone(),
            }));
        }
    }
}

/// A department's own fields, not its meeting, compared without cloning it (destructured: a
/// field added to `Department` does not compile here until it is placed).
fn department_fields(d: &Department) -> (&String, &String, &Extra) {
    let Department {
        id: _,
        name,
        description,
        meeting: _,
        extra,
    } = d;
    (name, description, extra)
}

/// Link `id` of chain `c`.
fn link_of<'c>(c: &'c Chain, id: &Id) -> Option<&'c super::types::Link> {
    c.links.iter().find(|x| &x.id == id)
}

/// Every id of `old`, then the ids only `new` has: each once.
fn either<'m, V>(
    old: &'m indexmap::IndexMap<Id, V>,
    new: &'m indexmap::IndexMap<Id, V>,
) -> impl Iterator<Item = &'m Id> {
    old.keys()
        .chain(new.keys().filter(|id| !old.contains_key(*id)))
}

/// The KPIs at each goal, chain and link, in model order.
fn kpis_at(m: &Model) -> std::collections::HashMap<&Attach, Vec<&Id>> {
    let mut by: std::collections::HashMap<&Attach, Vec<&Id>> = Default::default();
    for (id, k) in &m.kpis {
        by.entry(&k.at).or_default().push(id);
    }
    by
}
