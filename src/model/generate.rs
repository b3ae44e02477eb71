//! A deterministic generator of large models for benchmarks and performance tests.

use super::id::Id;
use super::period::Period;
use super::types::{
    Attach, Chain, Department, Direction, Extra, Frequency, Goal, Kpi, Link, Model, ValueType,
};

/// Departments in a generated model.
const DEPARTMENTS: usize = 12;
/// Goals (one result KPI each) in a generated model.
const GOALS: usize = 4;
/// Links per generated chain.
const LINKS: usize = 5;
/// Chain KPIs per generated chain (every ninth chain has one, so check 2 fires).
const CHAIN_KPIS: usize = 3;

/// A sound model (no dangling reference, no cycle) with `chains` chains and `kpis` KPIs in
/// total: 4 goals with a result KPI each, 12 departments, 5 links per chain, 3 chain KPIs per
/// chain (1 in every ninth), the remaining KPIs spread over the links as link KPIs. Some
/// fields are left empty on purpose so that the checks find something. Pure and
/// deterministic: the same arguments give an equal model.
pub fn large_model(chains: usize, kpis: usize) -> Model {
    let mut m = Model {
        id: Id::new("m-large"),
        name: format!("Generated {chains} chains, {kpis} KPIs"),
        organisation: "Generated Ltd".into(),
        description: "A generated model for performance tests.".into(),
        ..Model::default()
    };
    let mut next = 0u64;
    let mut new_kpi = |m: &mut Model, name: String, at: Attach, drives: Vec<Id>| -> Id {
        let id = Id::from_seed('k', next);
        next += 1;
        let n = next;
        let mut k = Kpi::new(id.clone(), name, at);
        k.definition = "What share is on norm?".into();
        k.unit = if n.is_multiple_of(5) {
            String::new()
        } else {
            "%".into()
        };
        k.direction = if n.is_multiple_of(2) {
            Direction::Higher
        } else {
            Direction::Lower
        };
        k.target = Some(95.0);
        k.red = Some(if n.is_multiple_of(2) { 90.0 } else { 100.0 });
        k.frequency = Frequency::Monthly;
        k.owner = format!("Owner {}", n % 17);
        k.value_type = if n.is_multiple_of(3) {
            ValueType::Internal
        } else {
            ValueType::Customer
        };
        k.drives = drives;
        m.kpis.insert(id.clone(), k);
        id
    };

    for d in 0..DEPARTMENTS {
        let id = Id::from_seed('d', d as u64);
        let department = Department {
            id: id.clone(),
            name: format!("Department {d}"),
            description: String::new(),
            meeting: Default::default(),
            extra: Extra::new(),
        };
        m.departments.insert(id, department);
    }
    let mut results = Vec::new();
    for g in 0..GOALS {
        let id = Id::from_seed('g', g as u64);
        let goal = Goal {
            id: id.clone(),
            name: format!("Goal {g}"),
            description: String::new(),
            extra: Extra::new(),
        };
        m.goals.insert(id.clone(), goal);
        if results.len() < kpis {
            let at = Attach::Result { goal: id };
            results.push(new_kpi(&mut m, format!("Result KPI {g}"), at, vec![]));
        }
    }

    let budget = kpis.saturating_sub(results.len());
    let planned_chain_kpis: usize = (0..chains)
        .map(|c| if c % 9 == 8 { 1 } else { CHAIN_KPIS })
        .sum();
    let link_budget = budget.saturating_sub(planned_chain_kpis);
    let mut chain_budget = budget.min(planned_chain_kpis);
    let mut link_no = 0u64;
    for c in 0..chains {
        let chain_id = Id::from_seed('c', c as u64);
        let links: Vec<Link> = (0..LINKS)
            .map(|l| {
                let external = (c + l) % 11 == 10;
                let id = Id::from_seed('l', link_no + l as u64);
                Link {
                    id,
                    name: format!("Link {l}"),
                    description: String::new(),
                    department: (!external)
                        .then(|| Id::from_seed('d', ((c + l) % DEPARTMENTS) as u64)),
                    external,
                    owner: format!("Team lead {l}"),
                    touches_customer: false,
                    handover: String::new(),
                    agreements: Vec::new(),
                    extra: Extra::new(),
                }
            })
            .collect();
        link_no += LINKS as u64;
        let chain = Chain {
            id: chain_id.clone(),
            name: format!("Chain {c}"),
            description: String::new(),
            customer: "Customer".into(),
            trigger: format!("Customer need {c}"),
            outcome: if c % 13 == 12 {
                String::new()
            } else {
                format!("Service {c}")
            },
            owner: if c % 7 == 6 {
                String::new()
            } else {
                format!("Manager {}", c % 23)
            },
            customer_value: String::new(),
            internal_value: String::new(),
            links,
            meeting: Default::default(),
            extra: Extra::new(),
        };
        let link_ids: Vec<Id> = chain.links.iter().map(|l| l.id.clone()).collect();
        m.chains.insert(chain_id.clone(), chain);

        let want = if c % 9 == 8 { 1 } else { CHAIN_KPIS };
        let mut chain_kpis = Vec::new();
        for j in 0..want.min(chain_budget) {
            let drives = match results.get((c + j) % GOALS.max(1)) {
                Some(r) => vec![r.clone()],
                None => vec![],
            };
            let at = Attach::Chain {
                chain: chain_id.clone(),
            };
            chain_kpis.push(new_kpi(&mut m, format!("Chain {c} KPI {j}"), at, drives));
        }
        chain_budget -= chain_kpis.len();

        let share = link_budget / chains.max(1) + usize::from(c < link_budget % chains.max(1));
        for j in 0..share {
            let link = link_ids[j % LINKS].clone();
            let drives = if chain_kpis.is_empty() || j % 10 == 9 {
                vec![]
            } else {
                vec![chain_kpis[j % chain_kpis.len()].clone()]
            };
            let at = Attach::Link {
                chain: chain_id.clone(),
                link,
            };
            new_kpi(&mut m, format!("Chain {c} link KPI {j}"), at, drives);
        }
    }
    m
}

/// [`large_model`] with `periods` monthly values per KPI, the last in `last` (year, month):
/// pseudo-random numbers with one decimal around each KPI's norm (most on target, some at
/// risk, some off target), from a fixed seed. 3,000 KPIs × 36 periods is the scale the
/// editor is measured at (`make bench-model`). Pure and deterministic.
pub fn large_model_with_values(
    chains: usize,
    kpis: usize,
    periods: usize,
    last: (i32, u32),
) -> Model {
    let mut m = large_model(chains, kpis);
    let (mut y, mut mo) = last;
    for _ in 1..periods {
        (y, mo) = if mo <= 1 { (y - 1, 12) } else { (y, mo - 1) };
    }
    let first = Period::Month { y, m: mo };
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    for k in m.kpis.values_mut() {
        // Generated KPIs aim at 95: higher is better (red 90) or lower is better (red 100).
        let higher = k.direction == Direction::Higher;
        let run = (0..periods).map(|_| {
            seed = xorshift(seed);
            // -6.0 ..= +4.0 from the target in tenths: about half on target, most of the rest
            // at risk, a tenth off target.
            let tenths = (seed % 101) as f64;
            let off = tenths / 10.0 - 6.0;
            let v = if higher { 95.0 + off } else { 95.0 - off };
            Some((v * 10.0).round() / 10.0)
        });
        k.values.extend_run(first, run);
    }
    m
}

/// One step of a 64-bit xorshift generator (deterministic pseudo-random numbers).
fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}
