//! Reading the model through a recorder: a view model computed from a [`Reader`] says itself
//! which [`Topic`]s it read, so a view subscribes to exactly what its pure function depends on
//! and no second, hand-kept list can go stale.
//!
//! Each accessor records the topic that covers what it returns (see [`Topic`]); a function
//! reading through a `Reader` uses only these accessors, and of an element it is given only the
//! own fields (a `&Kpi` from [`Reader::kpi`] is read for its name, unit, norm, `at`...; its
//! `drives` through [`Reader::drives`], its values through [`Reader::values`]). The property
//! test `tests/model_read_live.rs` checks the views' functions against recomputing from
//! scratch after random edits, undo and redo.

use std::cell::RefCell;

use super::id::Id;
use super::lang::Lang;
use super::meeting::{ChainMeeting, MeetingAt};
use super::target::Target;
use super::touch::Topic;
use super::types::{Attach, Chain, Department, Goal, Kpi, Link, Model};
use super::values::{Comments, Series};

/// The model, read while recording the topics read.
pub struct Reader<'m> {
    m: &'m Model,
    read: RefCell<Vec<Topic>>,
}

impl<'m> Reader<'m> {
    /// A reader of `m` that has read nothing yet.
    pub fn new(m: &'m Model) -> Reader<'m> {
        Reader {
            m,
            read: RefCell::new(Vec::new()),
        }
    }

    /// The topics read, each once, in first-read order.
    pub fn into_topics(self) -> Vec<Topic> {
        let mut seen = std::collections::HashSet::new();
        let mut read = self.read.into_inner();
        read.retain(|t| seen.insert(t.clone()));
        read
    }

    fn note(&self, topic: Topic) {
        let mut read = self.read.borrow_mut();
        if read.last() != Some(&topic) {
            read.push(topic);
        }
    }

    /// The model's own fields (name, organisation, description).
    pub fn model(&self) -> &'m Model {
        self.note(Topic::Fields(Target::Model));
        self.m
    }

    /// The goals, in order.
    pub fn goal_ids(&self) -> impl Iterator<Item = &'m Id> {
        self.note(Topic::Goals);
        self.m.goals.keys()
    }

    /// The departments, in order.
    pub fn department_ids(&self) -> impl Iterator<Item = &'m Id> {
        self.note(Topic::Departments);
        self.m.departments.keys()
    }

    /// The chains, in order.
    pub fn chain_ids(&self) -> impl Iterator<Item = &'m Id> {
        self.note(Topic::Chains);
        self.m.chains.keys()
    }

    /// The links of `chain`, in order.
    pub fn link_ids(&self, chain: &Id) -> impl Iterator<Item = &'m Id> {
        self.note(Topic::Links(chain.clone()));
        self.m
            .chains
            .get(chain)
            .into_iter()
            .flat_map(|c| c.links.iter().map(|l| &l.id))
    }

    /// Every KPI and where it hangs, in model order.
    pub fn kpi_places(&self) -> impl Iterator<Item = (&'m Id, &'m Attach)> {
        self.note(Topic::Kpis);
        self.m.kpis.iter().map(|(id, k)| (id, &k.at))
    }

    /// The KPIs hanging at `at` (a goal, chain or link), in model order.
    pub fn kpis_at<'a>(&self, at: &'a Attach) -> impl Iterator<Item = &'m Id> + 'a
    where
        'm: 'a,
    {
        self.note(Topic::KpisAt(at.clone()));
        self.m
            .kpis
            .values()
            .filter(move |k| &k.at == at)
            .map(|k| &k.id)
    }

    /// Where KPI `id` hangs (one of its own fields).
    pub fn kpi_at(&self, id: &Id) -> Option<&'m Attach> {
        self.kpi(id).map(|k| &k.at)
    }

    /// The KPIs that drive KPI `id` (the arrows into it), in model order.
    pub fn driven_by(&self, id: &Id) -> Vec<&'m Id> {
        self.note(Topic::Drives);
        self.m.driven_by(id)
    }

    /// [`Model::drive_candidates`]: reads every KPI's place (its level) and the drives.
    pub fn drive_candidates(&self, id: &Id) -> Vec<&'m Id> {
        self.note(Topic::Kpis);
        self.note(Topic::Drives);
        self.m.drive_candidates(id)
    }

    /// True if KPI `id` exists (in the list of KPIs).
    pub fn has_kpi(&self, id: &Id) -> bool {
        self.note(Topic::Kpis);
        self.m.kpis.contains_key(id)
    }

    /// A goal's own fields.
    pub fn goal(&self, id: &Id) -> Option<&'m Goal> {
        self.note(Topic::Fields(Target::Goal(id.clone())));
        self.m.goals.get(id)
    }

    /// A department's own fields.
    pub fn department(&self, id: &Id) -> Option<&'m Department> {
        self.note(Topic::Fields(Target::Department(id.clone())));
        self.m.departments.get(id)
    }

    /// A chain's own fields (not its links' order: [`Reader::link_ids`]; not its meeting).
    pub fn chain(&self, id: &Id) -> Option<&'m Chain> {
        self.note(Topic::Fields(Target::Chain(id.clone())));
        self.m.chains.get(id)
    }

    /// A link's own fields (the link of `chain`: link ids are unique only within a chain).
    pub fn link(&self, chain: &Id, link: &Id) -> Option<&'m Link> {
        self.note(Topic::Fields(Target::Link {
            chain: chain.clone(),
            link: link.clone(),
        }));
        self.m
            .chains
            .get(chain)
            .and_then(|c| c.links.iter().find(|l| &l.id == link))
    }

    /// A KPI's own fields, its `at` included (not `drives`, values or comments).
    pub fn kpi(&self, id: &Id) -> Option<&'m Kpi> {
        self.note(Topic::Fields(Target::Kpi(id.clone())));
        self.m.kpis.get(id)
    }

    /// A KPI read for its own fields and its measured values (a status, a trend, a value as of
    /// a month).
    pub fn kpi_with_values(&self, id: &Id) -> Option<&'m Kpi> {
        self.note(Topic::Values(id.clone()));
        self.kpi(id)
    }

    /// The KPIs KPI `id` drives (empty if it is gone).
    pub fn drives(&self, id: &Id) -> &'m [Id] {
        self.note(Topic::Drives);
        self.m.kpis.get(id).map_or(&[], |k| k.drives.as_slice())
    }

    /// A KPI's measured values.
    pub fn values(&self, id: &Id) -> Option<&'m Series> {
        self.note(Topic::Values(id.clone()));
        self.m.kpis.get(id).map(|k| &k.values)
    }

    /// A KPI's comments.
    pub fn comments(&self, id: &Id) -> Option<&'m Comments> {
        self.note(Topic::Comments(id.clone()));
        self.m.kpis.get(id).map(|k| &k.comments)
    }

    /// A meeting: a chain's, a department's or the MT's (`None` if its chain or department
    /// is gone).
    pub fn meeting(&self, at: &MeetingAt) -> Option<&'m ChainMeeting> {
        self.note(Topic::Meeting(at.clone()));
        self.m.meeting(at)
    }

    /// The element's own fields read: its name as stored, `None` if it is gone.
    pub fn stored_name(&self, target: &Target) -> Option<&'m str> {
        self.note(Topic::Fields(target.clone()));
        target.stored_name(self.m)
    }

    /// [`Target::name`]: its name, or its id if it has none or is gone.
    pub fn name<'t>(&self, target: &'t Target) -> &'t str
    where
        'm: 't,
    {
        self.note(Topic::Fields(target.clone()));
        target.name(self.m)
    }

    /// [`Target::describe`]: `Chain “New coffee machine”`, `Link “Sales” of chain “…”`.
    pub fn describe(&self, target: &Target, lang: Lang) -> String {
        // A KPI's level is its `at`, one of its fields; a link is named with its chain.
        self.note(Topic::Fields(target.clone()));
        match target {
            Target::Link { chain, .. } => self.note(Topic::Fields(Target::Chain(chain.clone()))),
            Target::Handover { chain, link } => {
                self.note(Topic::Fields(Target::Chain(chain.clone())));
                self.handover_between(chain, link, lang);
            }
            _ => {}
        }
        target.describe(self.m, lang)
    }

    /// [`super::handover::between`]: "Sales -> Planning", read with the chain's links, the two
    /// links' names (and departments) and the chain's customer.
    pub fn handover_between(&self, chain: &Id, link: &Id, lang: Lang) -> String {
        let ids: Vec<&Id> = self.link_ids(chain).collect();
        self.note(Topic::Fields(Target::Chain(chain.clone())));
        if let Some(i) = ids.iter().position(|l| *l == link) {
            for l in ids.iter().skip(i).take(2) {
                if let Some(k) = self.link(chain, l) {
                    if let Some(d) = &k.department {
                        self.department(d);
                    }
                }
            }
        }
        super::handover::between(self.m, chain, link, lang)
    }
}
