//! Read-only questions the user interface asks of a model: KPIs by level, what drives what
//! (directly and transitively, cycle-safe), the chain-by-department matrix, drive candidates.

use std::collections::{HashMap, HashSet};

use super::graph::closure;
use super::id::Id;
use super::meeting::{ChainMeeting, MeetingAt};
use super::read::Reader;
use super::types::{Attach, Kpi, Level, Model};

/// The chain-by-department matrix: one row per department (model order), then one row
/// without department if any link has none; one column per chain (model order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentMatrix {
    pub chains: Vec<Id>,
    pub rows: Vec<MatrixRow>,
}

/// A department's row: for each chain (same order as [`DepartmentMatrix::chains`]) the links
/// of that department in that chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// `None`: links without a department (external partners, unassigned).
    pub department: Option<Id>,
    pub cells: Vec<Vec<MatrixLink>>,
}

/// A link in a matrix cell with its link KPIs (model order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixLink {
    pub link: Id,
    pub kpis: Vec<Id>,
}

impl Model {
    /// The management team's members, one per line of `management_team` (blank lines left
    /// out, spaces around a name trimmed).
    pub fn management_team_members(&self) -> Vec<&str> {
        self.management_team
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// A meeting's state: a chain's, a department's or the MT's (`None` if its chain or
    /// department is not there).
    pub fn meeting(&self, at: &MeetingAt) -> Option<&ChainMeeting> {
        match at {
            MeetingAt::Chain(c) => self.chains.get(c).map(|c| &c.meeting),
            MeetingAt::Department(d) => self.departments.get(d).map(|d| &d.meeting),
            MeetingAt::Mt => Some(&self.mt_meeting),
        }
    }

    /// The level of a KPI, `None` if there is no such KPI.
    pub fn level_of(&self, kpi: &Id) -> Option<Level> {
        self.kpis.get(kpi).map(|k| k.level())
    }

    /// The KPIs of one level, in model order.
    pub fn kpis_at_level(&self, level: Level) -> impl Iterator<Item = &Kpi> + '_ {
        self.kpis.values().filter(move |k| k.level() == level)
    }

    /// The result KPIs of a goal, in model order.
    pub fn result_kpis_of<'a>(&'a self, goal: &'a Id) -> impl Iterator<Item = &'a Kpi> + 'a {
        self.kpis
            .values()
            .filter(move |k| matches!(&k.at, Attach::Result { goal: g } if g == goal))
    }

    /// The chain KPIs of a chain (not its link KPIs), in model order.
    pub fn chain_kpis_of<'a>(&'a self, chain: &'a Id) -> impl Iterator<Item = &'a Kpi> + 'a {
        self.kpis
            .values()
            .filter(move |k| matches!(&k.at, Attach::Chain { chain: c } if c == chain))
    }

    /// The link KPIs of one link, in model order.
    pub fn link_kpis_of<'a>(
        &'a self,
        chain: &'a Id,
        link: &'a Id,
    ) -> impl Iterator<Item = &'a Kpi> + 'a {
        self.kpis.values().filter(
            move |k| matches!(&k.at, Attach::Link { chain: c, link: l } if c == chain && l == link),
        )
    }

    /// The existing KPIs `kpi` drives directly.
    pub fn drives_of(&self, kpi: &Id) -> Vec<&Id> {
        self.edges(kpi)
    }

    /// The KPIs that drive `kpi` directly, in model order.
    pub fn driven_by(&self, kpi: &Id) -> Vec<&Id> {
        self.kpis
            .iter()
            .filter(|(_, k)| k.drives.contains(kpi))
            .map(|(id, _)| id)
            .collect()
    }

    /// Every KPI `kpi` drives, directly or through others; breadth first, each once.
    pub fn drives_transitive(&self, kpi: &Id) -> Vec<&Id> {
        match self.kpis.get_key_value(kpi) {
            Some((start, _)) => closure(start, |n| self.edges(n)),
            None => Vec::new(),
        }
    }

    /// Every KPI that drives `kpi`, directly or through others; breadth first, each once.
    pub fn driven_by_transitive(&self, kpi: &Id) -> Vec<&Id> {
        let reverse = self.reverse_drives();
        match self.kpis.get_key_value(kpi) {
            Some((start, _)) => closure(start, |n| reverse.get(n).cloned().unwrap_or_default()),
            None => Vec::new(),
        }
    }

    /// For each KPI that is driven, the KPIs driving it (model order).
    pub fn reverse_drives(&self) -> HashMap<&Id, Vec<&Id>> {
        let mut reverse: HashMap<&Id, Vec<&Id>> = HashMap::new();
        for (id, k) in &self.kpis {
            for t in &k.drives {
                if let Some((t, _)) = self.kpis.get_key_value(t) {
                    reverse.entry(t).or_default().push(id);
                }
            }
        }
        reverse
    }

    /// The KPIs `kpi` may drive (the "Drives" checkboxes): one level up — a link KPI the chain
    /// KPIs of its own chain, a chain KPI the result KPIs, a result KPI none — leaving out
    /// those that would close a cycle. KPIs it already drives are included.
    pub fn drive_candidates(&self, kpi: &Id) -> Vec<&Id> {
        let Some(k) = self.kpis.get(kpi) else {
            return Vec::new();
        };
        let blocked: HashSet<&Id> = self.driven_by_transitive(kpi).into_iter().collect();
        let fits = |c: &Kpi| match (&k.at, &c.at) {
            (
                Attach::Link { chain, .. } | Attach::Handover { chain, .. },
                Attach::Chain { chain: c },
            ) => chain == c,
            (Attach::Chain { .. }, Attach::Result { .. }) => true,
            _ => false,
        };
        self.kpis
            .iter()
            .filter(|(id, c)| *id != kpi && fits(c) && !blocked.contains(id))
            .map(|(id, _)| id)
            .collect()
    }

    /// The chains in which `department` is a link, in model order.
    pub fn chains_of_department(&self, department: &Id) -> Vec<&Id> {
        self.chains
            .iter()
            .filter(|(_, c)| {
                c.links
                    .iter()
                    .any(|l| l.department.as_ref() == Some(department))
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Every department with the number of chains it takes part in, most first (ties in
    /// model order).
    pub fn departments_by_chain_count(&self) -> Vec<(&Id, usize)> {
        let mut counts: HashMap<&Id, usize> = HashMap::new();
        for c in self.chains.values() {
            let mut seen = HashSet::new();
            for d in c.links.iter().filter_map(|l| l.department.as_ref()) {
                if seen.insert(d) {
                    *counts.entry(d).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(&Id, usize)> = self
            .departments
            .keys()
            .map(|id| (id, counts.get(id).copied().unwrap_or(0)))
            .collect();
        crate::model::sort::sort_by_key(&mut out, |&(_, n)| std::cmp::Reverse(n));
        out
    }

    /// The chain-by-department matrix.
    pub fn department_matrix(&self) -> DepartmentMatrix {
        department_matrix(&Reader::new(self))
    }

    /// The existing KPIs `kpi` drives, as keys of `self.kpis`.
    fn edges(&self, kpi: &Id) -> Vec<&Id> {
        self.kpis
            .get(kpi)
            .map(|k| {
                k.drives
                    .iter()
                    .filter_map(|t| self.kpis.get_key_value(t).map(|(id, _)| id))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// [`Model::department_matrix`], read through `r`: the departments, chains, links (each
/// link's department) and where the KPIs hang; never a name.
pub fn department_matrix(r: &Reader) -> DepartmentMatrix {
    let mut link_kpis: HashMap<(&Id, &Id), Vec<Id>> = HashMap::new();
    for (id, at) in r.kpi_places() {
        if let Attach::Link { chain, link } = at {
            link_kpis.entry((chain, link)).or_default().push(id.clone());
        }
    }
    let departments: Vec<&Id> = r.department_ids().collect();
    let row_of: HashMap<&Id, usize> = departments
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, i))
        .collect();
    let chains: Vec<&Id> = r.chain_ids().collect();
    let mut rows: Vec<MatrixRow> = departments
        .iter()
        .map(|d| MatrixRow {
            department: Some((*d).clone()),
            cells: vec![Vec::new(); chains.len()],
        })
        .collect();
    let mut none = MatrixRow {
        department: None,
        cells: vec![Vec::new(); chains.len()],
    };
    for (col, chain) in chains.iter().enumerate() {
        for link in r.link_ids(chain) {
            let entry = MatrixLink {
                link: link.clone(),
                kpis: link_kpis.remove(&(*chain, link)).unwrap_or_default(),
            };
            let department = r.link(chain, link).and_then(|l| l.department.as_ref());
            let row = match department.and_then(|d| row_of.get(d)) {
                Some(&i) => &mut rows[i],
                None => &mut none,
            };
            row.cells[col].push(entry);
        }
    }
    if none.cells.iter().any(|c| !c.is_empty()) {
        rows.push(none);
    }
    DepartmentMatrix {
        chains: chains.into_iter().cloned().collect(),
        rows,
    }
}
