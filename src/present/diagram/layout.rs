//! The Structure diagram's geometry: a pure function of the model's *structure* (ids, order,
//! attachments, drives), never of its text fields, so typing a name does not move anything.
//!
//! Top band: goals, each above its result KPIs (one slot per result KPI). Middle/bottom: one
//! column per chain: the chain box, its chain KPIs, then its links in chain order, each with
//! its link KPIs beneath. "Drives" arrows: link KPI -> chain KPI run in a lane strip on the
//! column's left; chain KPI -> result KPI leave through the gutter right of the column and
//! curve up to the result KPI.

use std::collections::{HashMap, HashSet};

use crate::format::fixed::Tenths;
use crate::model::{Attach, Id, Model, Reader, Target};

/// What a box shows; decides its colours and size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A goal (top band).
    Goal,
    /// A result KPI, beneath its goal.
    Result,
    /// A customer chain (head of a column).
    Chain,
    /// A chain KPI, beneath its chain.
    ChainKpi,
    /// A link of a chain, with its step badge.
    Link,
    /// A link KPI, beneath its link.
    LinkKpi,
    /// A handover from a link to the next, after the link's KPIs (only one with KPIs).
    Handover,
    /// A handover KPI, beneath its handover.
    HandoverKpi,
}

/// One chain's structure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChainShape {
    /// The chain.
    pub id: Id,
    /// Its chain KPIs in model order.
    pub kpis: Vec<Id>,
    /// Links in chain order, each with its link KPIs (model order).
    pub links: Vec<(Id, Vec<Id>)>,
    /// The handovers with KPIs, by the link that hands over (chain order), each with its
    /// KPIs (model order).
    pub handovers: Vec<(Id, Vec<Id>)>,
}

/// The model's structure only: what the layout depends on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Skeleton {
    /// Goals in model order, each with its result KPIs.
    pub goals: Vec<(Id, Vec<Id>)>,
    /// Chains in model order.
    pub chains: Vec<ChainShape>,
    /// Every drives reference between existing KPIs: (driver, driven).
    pub drives: Vec<(Id, Id)>,
}

impl Skeleton {
    /// Reads the structure of `m` in one pass over its KPIs.
    pub fn of(m: &Model) -> Skeleton {
        Skeleton::read(&Reader::new(m))
    }

    /// [`Skeleton::of`], read through `r` (the goals, chains, links, where each KPI hangs and
    /// the drives: never a name).
    pub fn read(r: &Reader) -> Skeleton {
        let mut results: HashMap<&Id, Vec<Id>> = HashMap::new();
        let mut chain_kpis: HashMap<&Id, Vec<Id>> = HashMap::new();
        let mut link_kpis: HashMap<(&Id, &Id), Vec<Id>> = HashMap::new();
        let mut handover_kpis: HashMap<(&Id, &Id), Vec<Id>> = HashMap::new();
        let mut drives = Vec::new();
        let places: Vec<(&Id, &Attach)> = r.kpi_places().collect();
        let exists: HashSet<&Id> = places.iter().map(|(id, _)| *id).collect();
        for (id, at) in places {
            match at {
                Attach::Result { goal } => results.entry(goal).or_default().push(id.clone()),
                Attach::Chain { chain } => chain_kpis.entry(chain).or_default().push(id.clone()),
                Attach::Link { chain, link } => {
                    link_kpis.entry((chain, link)).or_default().push(id.clone())
                }
                Attach::Handover { chain, link } => handover_kpis
                    .entry((chain, link))
                    .or_default()
                    .push(id.clone()),
            }
            for t in r.drives(id) {
                if exists.contains(t) {
                    drives.push((id.clone(), t.clone()));
                }
            }
        }
        let goals = r
            .goal_ids()
            .map(|g| (g.clone(), results.remove(g).unwrap_or_default()))
            .collect();
        let chains = r
            .chain_ids()
            .map(|cid| ChainShape {
                id: cid.clone(),
                kpis: chain_kpis.remove(cid).unwrap_or_default(),
                links: r
                    .link_ids(cid)
                    .map(|l| {
                        let kpis = link_kpis.remove(&(cid, l)).unwrap_or_default();
                        (l.clone(), kpis)
                    })
                    .collect(),
                handovers: r
                    .link_ids(cid)
                    .filter_map(|l| Some((l.clone(), handover_kpis.remove(&(cid, l))?)))
                    .collect(),
            })
            .collect();
        Skeleton {
            goals,
            chains,
            drives,
        }
    }

    /// True if there is nothing to draw (no goals and no chains).
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.chains.is_empty()
    }
}

/// A box of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The element the box shows and selects.
    pub target: Target,
    /// What the box shows.
    pub kind: Kind,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// A link's place in its chain, from 1.
    pub step: Option<usize>,
}

/// A "drives" arrow.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The driving KPI.
    pub from: Id,
    /// The driven KPI.
    pub to: Id,
    /// SVG path data.
    pub d: String,
    /// The box around every point of `d` (ends, corners and curve control points, so the
    /// drawn line stays inside): `[left, top, right, bottom]`.
    pub bounds: [f64; 4],
}

/// The whole diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The boxes: goals with their result KPIs, then column by column.
    pub nodes: Vec<Node>,
    /// The arrows, one per drives pair whose both KPIs have a box.
    pub edges: Vec<Edge>,
    /// Width of the whole diagram, padding included.
    pub width: f64,
    /// Height of the whole diagram, padding included.
    pub height: f64,
    /// Indices of `nodes` by left edge, for [`Layout::visible`]; empty if the layout was not
    /// made by [`layout`] (then `visible` scans every node).
    by_left: Vec<usize>,
    /// The widest node's width: how far left of a rectangle a box may start and still reach it.
    max_w: f64,
}

/// True if the closed intervals `[a0, a1]` and `[b0, b1]` share a point.
fn overlaps(a0: f64, a1: f64, b0: f64, b1: f64) -> bool {
    a0 <= b1 && b0 <= a1
}

/// The rectangle from corners `(x0, y0)` and `(x1, y1)` (either order) grown by `margin` on
/// every side: `[left, top, right, bottom]`.
fn grown(x0: f64, y0: f64, x1: f64, y1: f64, margin: f64) -> [f64; 4] {
    [
        x0.min(x1) - margin,
        y0.min(y1) - margin,
        x0.max(x1) + margin,
        y0.max(y1) + margin,
    ]
}

impl Layout {
    /// Indices (ascending, i.e. drawing order) of the nodes whose box meets the rectangle
    /// from `(x0, y0)` to `(x1, y1)` grown by `margin` on every side; boxes that only touch
    /// it count. For drawing only what a scrolled viewport shows.
    ///
    /// Looks only at the nodes whose left edge lies within the widest box's width of the
    /// rectangle (a binary search in an index by left edge), so a viewport over a few of many
    /// columns costs about what it shows.
    pub fn visible(&self, x0: f64, y0: f64, x1: f64, y1: f64, margin: f64) -> Vec<usize> {
        let [l, t, r, b] = grown(x0, y0, x1, y1, margin);
        let meets = |n: &Node| overlaps(n.x, n.x + n.w, l, r) && overlaps(n.y, n.y + n.h, t, b);
        if self.by_left.len() != self.nodes.len() {
            return (0..self.nodes.len())
                .filter(|&i| meets(&self.nodes[i]))
                .collect();
        }
        // Boxes starting further left than the widest box's width cannot reach `l`.
        let from = self
            .by_left
            .partition_point(|&i| self.nodes[i].x < l - self.max_w);
        let to = self.by_left.partition_point(|&i| self.nodes[i].x <= r);
        let mut out: Vec<usize> = self.by_left[from..to.max(from)]
            .iter()
            .copied()
            .filter(|&i| meets(&self.nodes[i]))
            .collect();
        crate::model::sort::sort(&mut out);
        out
    }

    /// Indices (ascending) of the edges whose [`Edge::bounds`] meet the rectangle from
    /// `(x0, y0)` to `(x1, y1)` grown by `margin`, as [`Layout::visible`] does for nodes.
    /// A long arrow is kept while any part of its box is near the viewport.
    pub fn visible_edges(&self, x0: f64, y0: f64, x1: f64, y1: f64, margin: f64) -> Vec<usize> {
        let [l, t, r, b] = grown(x0, y0, x1, y1, margin);
        self.edges
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let [el, et, er, eb] = e.bounds;
                overlaps(el, er, l, r) && overlaps(et, eb, t, b)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// A decimal number as [`layout`] writes it (`-12.5`). Read by hand: `str::parse::<f64>`
/// would bring the standard library's float parser (~10 KB) into the wasm for this alone.
fn number(s: &str) -> Option<f64> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0.0;
    for c in int.chars() {
        v = v * 10.0 + f64::from(c.to_digit(10)?);
    }
    let (mut f, mut scale) = (0.0, 1.0);
    for c in frac.chars() {
        f = f * 10.0 + f64::from(c.to_digit(10)?);
        scale *= 10.0;
    }
    v += f / scale;
    Some(if neg { -v } else { v })
}

/// The box around every coordinate of SVG path data made of `M`, `H`, `V` and `C` commands
/// with absolute coordinates (what [`layout`] writes): `[left, top, right, bottom]`.
fn path_bounds(d: &str) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut add = |v: f64, is_x: bool| {
        let (lo, hi) = if is_x { (0, 2) } else { (1, 3) };
        b[lo] = b[lo].min(v);
        b[hi] = b[hi].max(v);
    };
    let mut cmd = 'M';
    // Index of the number within the command's arguments.
    let mut k = 0;
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            cmd = c;
            k = 0;
            rest = &rest[1..];
        } else if c == ' ' || c == ',' {
            rest = &rest[1..];
        } else {
            let end = rest[1..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(rest.len(), |e| e + 1);
            if let Some(v) = number(&rest[..end]) {
                let is_x = match cmd {
                    'H' => true,
                    'V' => false,
                    _ => k % 2 == 0,
                };
                add(v, is_x);
            }
            k += 1;
            rest = &rest[end..];
        }
    }
    b
}

/// Margin around the diagram.
pub const PAD: f64 = 20.0;
/// Width of a chain's column.
pub const COL_W: f64 = 164.0;
/// Space between two columns (where chain KPI -> result KPI arrows run).
pub const GUTTER: f64 = 28.0;
/// The lane strip left of a column's KPIs and links (link KPI -> chain KPI arrows).
pub const STRIP: f64 = 18.0;
/// How far a link KPI is indented under its link.
pub const LINK_KPI_INDENT: f64 = 12.0;
/// Width of a result KPI (one slot of the top band).
pub const SLOT_W: f64 = 164.0;
/// Space between two slots of the top band.
pub const SLOT_GAP: f64 = 14.0;
/// Height of a goal box.
pub const GOAL_H: f64 = 40.0;
/// Height of a result KPI box.
pub const RESULT_H: f64 = 36.0;
/// Height of the channel between the top band and the columns (where arrows curve up).
pub const CHANNEL: f64 = 78.0;
/// Height of a chain box.
pub const CHAIN_H: f64 = 42.0;
/// Height of a chain KPI box.
pub const CHAIN_KPI_H: f64 = 34.0;
/// Height of a link box.
pub const LINK_H: f64 = 32.0;
/// Height of a link KPI box.
pub const LINK_KPI_H: f64 = 32.0;
/// Height of a handover box.
pub const HANDOVER_H: f64 = 24.0;
/// Vertical space between two boxes of a column.
pub const GAP: f64 = 4.0;

impl Kind {
    /// Font size and weight of the box's name.
    pub fn font(self) -> (f64, bool) {
        match self {
            Kind::Goal | Kind::Chain => (12.5, true),
            Kind::Link => (12.0, false),
            Kind::Result | Kind::ChainKpi | Kind::LinkKpi | Kind::HandoverKpi => (11.0, false),
            Kind::Handover => (10.5, false),
        }
    }

    /// Left padding of the text (links have a step badge).
    pub fn text_left(self) -> f64 {
        match self {
            Kind::Link => 26.0,
            _ => 8.0,
        }
    }
}

/// Places every box and arrow.
pub fn layout(s: &Skeleton) -> Layout {
    if s.is_empty() {
        return Layout::default();
    }
    let mut nodes = Vec::new();
    let mut pos: HashMap<&Id, usize> = HashMap::new();

    // Widths of the two bands, to centre the narrower one.
    let slots: usize = s.goals.iter().map(|(_, r)| r.len().max(1)).sum();
    let goals_w = if slots == 0 {
        0.0
    } else {
        slots as f64 * SLOT_W
            + (slots as f64 - 1.0) * SLOT_GAP
            + (s.goals.len().saturating_sub(1)) as f64 * SLOT_GAP
    };
    let n = s.chains.len() as f64;
    let chains_w = if s.chains.is_empty() {
        0.0
    } else {
        n * COL_W + (n - 1.0) * GUTTER + GUTTER * 0.7
    };
    let inner = goals_w.max(chains_w);

    // Goals and result KPIs.
    let mut x = PAD + (inner - goals_w) / 2.0;
    let goals_h = if s.goals.is_empty() {
        0.0
    } else {
        GOAL_H + 10.0 + RESULT_H
    };
    for (g, results) in &s.goals {
        let k = results.len().max(1) as f64;
        let w = k * SLOT_W + (k - 1.0) * SLOT_GAP;
        nodes.push(Node {
            target: Target::Goal(g.clone()),
            kind: Kind::Goal,
            x,
            y: PAD,
            w,
            h: GOAL_H,
            step: None,
        });
        for (i, r) in results.iter().enumerate() {
            pos.insert(r, nodes.len());
            nodes.push(Node {
                target: Target::Kpi(r.clone()),
                kind: Kind::Result,
                x: x + i as f64 * (SLOT_W + SLOT_GAP),
                y: PAD + GOAL_H + 10.0,
                w: SLOT_W,
                h: RESULT_H,
                step: None,
            });
        }
        x += w + 2.0 * SLOT_GAP;
    }

    // Chains as columns.
    let chains_top = PAD + goals_h + if s.goals.is_empty() { 0.0 } else { CHANNEL };
    let mut bottom: f64 = chains_top;
    // Per chain: column x and the chain KPIs' index within the chain.
    let mut column: HashMap<&Id, (f64, usize)> = HashMap::new();
    let x0 = PAD + (inner - chains_w) / 2.0;
    for (ci, c) in s.chains.iter().enumerate() {
        let cx = x0 + ci as f64 * (COL_W + GUTTER);
        let mut y = chains_top;
        nodes.push(Node {
            target: Target::Chain(c.id.clone()),
            kind: Kind::Chain,
            x: cx,
            y,
            w: COL_W,
            h: CHAIN_H,
            step: None,
        });
        y += CHAIN_H + 8.0;
        for (i, k) in c.kpis.iter().enumerate() {
            pos.insert(k, nodes.len());
            column.insert(k, (cx, i));
            nodes.push(Node {
                target: Target::Kpi(k.clone()),
                kind: Kind::ChainKpi,
                x: cx + STRIP,
                y,
                w: COL_W - STRIP,
                h: CHAIN_KPI_H,
                step: None,
            });
            y += CHAIN_KPI_H + GAP;
        }
        if !c.links.is_empty() {
            y += 12.0;
        }
        for (li, (l, kpis)) in c.links.iter().enumerate() {
            nodes.push(Node {
                target: Target::Link {
                    chain: c.id.clone(),
                    link: l.clone(),
                },
                kind: Kind::Link,
                x: cx + STRIP,
                y,
                w: COL_W - STRIP,
                h: LINK_H,
                step: Some(li + 1),
            });
            y += LINK_H + GAP;
            for k in kpis {
                pos.insert(k, nodes.len());
                column.insert(k, (cx, 0));
                nodes.push(Node {
                    target: Target::Kpi(k.clone()),
                    kind: Kind::LinkKpi,
                    x: cx + STRIP + LINK_KPI_INDENT,
                    y,
                    w: COL_W - STRIP - LINK_KPI_INDENT,
                    h: LINK_KPI_H,
                    step: None,
                });
                y += LINK_KPI_H + GAP;
            }
            if let Some((_, kpis)) = c.handovers.iter().find(|(h, _)| h == l) {
                nodes.push(Node {
                    target: Target::Handover {
                        chain: c.id.clone(),
                        link: l.clone(),
                    },
                    kind: Kind::Handover,
                    x: cx + STRIP + LINK_KPI_INDENT,
                    y,
                    w: COL_W - STRIP - LINK_KPI_INDENT,
                    h: HANDOVER_H,
                    step: None,
                });
                y += HANDOVER_H + GAP;
                for k in kpis {
                    pos.insert(k, nodes.len());
                    column.insert(k, (cx, 0));
                    nodes.push(Node {
                        target: Target::Kpi(k.clone()),
                        kind: Kind::HandoverKpi,
                        x: cx + STRIP + 2.0 * LINK_KPI_INDENT,
                        y,
                        w: COL_W - STRIP - 2.0 * LINK_KPI_INDENT,
                        h: LINK_KPI_H,
                        step: None,
                    });
                    y += LINK_KPI_H + GAP;
                }
            }
            y += 6.0;
        }
        bottom = bottom.max(y);
    }

    // Where arrows end on a result KPI: spread along its bottom edge.
    let mut incoming: HashMap<&Id, usize> = HashMap::new();
    for (_, to) in &s.drives {
        *incoming.entry(to).or_default() += 1;
    }
    let mut arrived: HashMap<&Id, usize> = HashMap::new();
    let mut edges = Vec::with_capacity(s.drives.len());
    for (from, to) in &s.drives {
        let (Some(&a), Some(&b)) = (pos.get(from), pos.get(to)) else {
            continue;
        };
        let (na, nb) = (&nodes[a], &nodes[b]);
        let d = match (na.kind, nb.kind) {
            (Kind::LinkKpi | Kind::HandoverKpi, Kind::ChainKpi)
                if column.get(from).map(|c| c.0) == column.get(to).map(|c| c.0) =>
            {
                let lane_i = column.get(to).map(|c| c.1 % 3).unwrap_or(0);
                let (cx, _) = column.get(to).copied().unwrap_or((nb.x - STRIP, 0));
                let lane = cx + 4.0 + 5.0 * lane_i as f64;
                let y1 = na.y + na.h / 2.0;
                let y2 = nb.y + nb.h / 2.0;
                format!(
                    "M{} {}H{}V{}H{}",
                    Tenths(na.x),
                    Tenths(y1),
                    Tenths(lane),
                    Tenths(y2),
                    Tenths(nb.x)
                )
            }
            (Kind::ChainKpi, Kind::Result) => {
                let (cx, i) = column.get(from).copied().unwrap_or((na.x - STRIP, 0));
                let lane = cx + COL_W + 5.0 + 5.0 * (i % 4) as f64;
                let y1 = na.y + na.h / 2.0;
                let top = chains_top - 6.0;
                let k = incoming.get(to).copied().unwrap_or(1) as f64;
                let j = arrived.entry(to).or_default();
                *j += 1;
                let ex = nb.x + nb.w * (*j as f64) / (k + 1.0);
                let ey = nb.y + nb.h;
                let bend = (top - ey) / 2.0;
                format!(
                    "M{} {}H{}V{}C{} {} {} {} {} {}",
                    Tenths(na.x + na.w),
                    Tenths(y1),
                    Tenths(lane),
                    Tenths(top),
                    Tenths(lane),
                    Tenths(top - bend),
                    Tenths(ex),
                    Tenths(ey + bend),
                    Tenths(ex),
                    Tenths(ey)
                )
            }
            _ => {
                // Any other drive (off the method's levels): a plain curve between the boxes.
                let (sx, sy) = (na.x + na.w / 2.0, na.y);
                let (ex, ey) = (nb.x + nb.w / 2.0, nb.y + nb.h);
                let (sy, ey) = if ey <= sy {
                    (sy, ey)
                } else {
                    (na.y + na.h, nb.y)
                };
                let bend = (sy - ey) / 2.0;
                format!(
                    "M{} {}C{} {} {} {} {} {}",
                    Tenths(sx),
                    Tenths(sy),
                    Tenths(sx),
                    Tenths(sy - bend),
                    Tenths(ex),
                    Tenths(ey + bend),
                    Tenths(ex),
                    Tenths(ey)
                )
            }
        };
        edges.push(Edge {
            from: from.clone(),
            to: to.clone(),
            bounds: path_bounds(&d),
            d,
        });
    }

    let mut by_left: Vec<usize> = (0..nodes.len()).collect();
    crate::model::sort::sort_by(&mut by_left, |&a, &b| nodes[a].x.total_cmp(&nodes[b].x));
    let max_w = nodes.iter().map(|n| n.w).fold(0.0, f64::max);
    Layout {
        nodes,
        edges,
        width: inner + 2.0 * PAD,
        height: bottom + PAD,
        by_left,
        max_w,
    }
}

/// Estimated advance width of `c` in ems for a sans-serif UI font (on the wide side, so a
/// fitted text stays inside its box).
fn char_em(c: char, bold: bool) -> f64 {
    let w = match c {
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.28,
        'f' | 't' | 'r' | 'I' | ' ' | '(' | ')' | '[' | ']' | '-' | '/' => 0.36,
        'm' | 'w' => 0.86,
        'M' | 'W' => 0.92,
        'A'..='Z' => 0.68,
        '0'..='9' => 0.58,
        c if c.is_ascii_lowercase() => 0.56,
        _ => 0.62,
    };
    if bold {
        w * 1.07
    } else {
        w
    }
}

/// Estimated width of `s` at font `size` (wide side, see [`fit_lines`]).
pub fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    s.chars().map(|c| char_em(c, bold)).sum::<f64>() * size
}

/// Breaks `name` into at most `max_lines` lines of at most `width`; the last line ends in an
/// ellipsis if the name does not fit. Returns the lines and whether it was cut.
pub fn fit_lines(
    name: &str,
    width: f64,
    size: f64,
    bold: bool,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let fits = |s: &str| text_width(s, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    // Words still to place, last word first.
    let mut rest: Vec<String> = name.split_whitespace().rev().map(String::from).collect();
    while let Some(word) = rest.pop() {
        let last_line = lines.len() + 1 >= max_lines;
        if !fits(&word) && !last_line {
            // A single word too wide for a line: break it.
            let mut cut = String::new();
            for c in word.chars() {
                cut.push(c);
                if !fits(&cut) {
                    cut.pop();
                    break;
                }
            }
            if cut.is_empty() {
                cut = word.chars().take(1).collect();
            }
            let tail: String = word.chars().skip(cut.chars().count()).collect();
            if !tail.is_empty() {
                rest.push(tail);
            }
            lines.push(cut);
            continue;
        }
        let mut line = word;
        while let Some(next) = rest.last() {
            let candidate = format!("{line} {next}");
            if fits(&candidate) {
                line = candidate;
                rest.pop();
            } else {
                break;
            }
        }
        if last_line && (!rest.is_empty() || !fits(&line)) {
            rest.reverse();
            let full = std::iter::once(line)
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" ");
            lines.push(ellipsize(&full, width, size, bold));
            return (lines, true);
        }
        lines.push(line);
    }
    (lines, false)
}

/// The lines of [`fit_lines`] as text to show one after another: a line that ends a word
/// (and is not the last) ends in a space, so that the lines read together give the name
/// ("Satisfied " + "customers"), while a word broken across lines stays whole.
pub fn spaced_lines(name: &str, lines: &[String]) -> Vec<String> {
    let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        at += line.len();
        let space =
            i + 1 < lines.len() && joined.get(at..).is_some_and(|rest| rest.starts_with(' '));
        if space {
            at += 1;
            out.push(format!("{line} "));
        } else {
            out.push(line.clone());
        }
    }
    out
}

/// The longest prefix of `s` that fits `width` with "…" appended.
fn ellipsize(s: &str, width: f64, size: f64, bold: bool) -> String {
    let budget = width - text_width("…", size, bold);
    let mut out = String::new();
    let mut used = 0.0;
    for c in s.chars() {
        let w = char_em(c, bold) * size;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_parse() {
        for t in ["0", "12", "-3", "1.5", "-0.25", "100.125", ".5"] {
            assert_eq!(number(t), t.parse::<f64>().ok(), "{t}");
        }
        assert_eq!(number("-"), None);
        assert_eq!(number("1x"), None);
    }

    #[test]
    fn path_bounds_reads_every_command() {
        assert_eq!(path_bounds("M10 20H5V40H30"), [5.0, 20.0, 30.0, 40.0]);
        assert_eq!(
            path_bounds("M1.5 2C3 -4 5 6 7.25 8"),
            [1.5, -4.0, 7.25, 8.0]
        );
    }
}
