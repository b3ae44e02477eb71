//! The KPIs table's columns: which of them show (the "Columns" chooser, remembered in this
//! browser) and how wide each one is. The KPI's name, its value and its status always show
//! (the UI contract's table); the others can be switched off.
//!
//! The table has a fixed layout: each shown column gets a share of the table's width, the
//! shares of the shown columns adding up to 100 %, so hiding a column widens the others
//! instead of leaving a gap.

use crate::model::Lang;

/// A column of the KPIs table that the chooser can hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The KPI's level: result, chain, link.
    Level,
    /// Its chain's name.
    Chain,
    /// Its link's (or goal's) name.
    Link,
    /// Its owner (edited in place).
    Owner,
    /// Its unit (edited in place).
    Unit,
    /// Its direction (edited in place).
    Direction,
    /// Its norm.
    Norm,
    /// Its frequency (edited in place).
    Frequency,
    /// How much of its definition is filled in ("6/8").
    Defined,
    /// What it drives.
    Drives,
    /// Its sparkline.
    Trend,
}

impl Column {
    /// Every optional column, in the table's order.
    pub const ALL: [Column; 11] = [
        Column::Level,
        Column::Chain,
        Column::Link,
        Column::Owner,
        Column::Unit,
        Column::Direction,
        Column::Norm,
        Column::Frequency,
        Column::Defined,
        Column::Drives,
        Column::Trend,
    ];

    /// Its code in the remembered choice and in the cells' class (`col-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Column::Level => "level",
            Column::Chain => "chain",
            Column::Link => "link",
            Column::Owner => "owner",
            Column::Unit => "unit",
            Column::Direction => "direction",
            Column::Norm => "target",
            Column::Frequency => "frequency",
            Column::Defined => "defined",
            Column::Drives => "drives",
            Column::Trend => "trend",
        }
    }

    /// Its header, as the table and the chooser name it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Column::Level => lang.pick("Level", "Niveau"),
            Column::Chain => lang.pick("Chain", "Keten"),
            Column::Link => lang.pick("Link or goal", "Schakel of doel"),
            Column::Owner => lang.pick("Owner", "Eigenaar"),
            Column::Unit => lang.pick("Unit", "Eenheid"),
            Column::Direction => lang.pick("Direction", "Richting"),
            Column::Norm => lang.pick("Target", "Norm"),
            Column::Frequency => lang.pick("Frequency", "Frequentie"),
            Column::Defined => lang.pick("Defined", "Gedefinieerd"),
            Column::Drives => lang.pick("Drives", "Stuurt"),
            Column::Trend => lang.pick("Trend", "Verloop"),
        }
    }

    /// Its width relative to the others: enough for its header and usual content at
    /// 1024 px (see [`Columns::share`]).
    fn weight(self) -> u32 {
        match self {
            Column::Level => 85,
            Column::Chain | Column::Link => 90,
            Column::Owner => 95,
            Column::Unit => 75,
            Column::Direction => 90,
            Column::Norm => 105,
            Column::Frequency => 90,
            Column::Defined => 105,
            Column::Drives => 80,
            Column::Trend => 60,
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The columns that always show, with their weights: the name, the value and the status.
const NAME_WEIGHT: u32 = 190;
const VALUE_WEIGHT: u32 = 115;
const STATUS_WEIGHT: u32 = 105;

/// Which optional columns show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Columns(u16);

impl Default for Columns {
    /// Fewer, wider columns: what a reader of the table looks for (where a KPI hangs, who
    /// owns it, its norm, how well it is defined, its trend). Unit, direction, frequency and
    /// what a KPI drives are one click away.
    fn default() -> Self {
        [
            Column::Level,
            Column::Chain,
            Column::Link,
            Column::Owner,
            Column::Norm,
            Column::Defined,
            Column::Trend,
        ]
        .into_iter()
        .fold(Columns(0), |c, col| c.with(col, true))
    }
}

impl Columns {
    /// Every column shown.
    pub fn all() -> Self {
        Column::ALL
            .into_iter()
            .fold(Columns(0), |c, col| c.with(col, true))
    }

    /// Whether `col` shows.
    pub fn shows(self, col: Column) -> bool {
        self.0 & col.bit() != 0
    }

    /// The same choice with `col` shown or hidden.
    pub fn with(self, col: Column, shown: bool) -> Self {
        if shown {
            Columns(self.0 | col.bit())
        } else {
            Columns(self.0 & !col.bit())
        }
    }

    /// The choice as it is remembered: the shown columns' codes, comma-separated.
    pub fn code(self) -> String {
        Column::ALL
            .into_iter()
            .filter(|c| self.shows(*c))
            .map(Column::code)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A remembered choice read back; codes it does not know (a later version's column) are
    /// left out, so an old or new browser entry never fails.
    pub fn from_code(code: &str) -> Self {
        code.split(',')
            .filter_map(|c| Column::ALL.into_iter().find(|col| col.code() == c.trim()))
            .fold(Columns(0), |c, col| c.with(col, true))
    }

    /// The table's class: `kpi-table` and a `hide-<code>` per hidden column.
    pub fn table_class(self) -> String {
        Column::ALL.into_iter().filter(|c| !self.shows(*c)).fold(
            String::from("kpi-table"),
            |mut s, c| {
                s.push_str(" hide-");
                s.push_str(c.code());
                s
            },
        )
    }

    fn total(self) -> u32 {
        NAME_WEIGHT
            + VALUE_WEIGHT
            + STATUS_WEIGHT
            + Column::ALL
                .into_iter()
                .filter(|c| self.shows(*c))
                .map(Column::weight)
                .sum::<u32>()
    }

    /// The share of the table's width, in percent, of a shown column; 0 for a hidden one.
    /// The name, value and status columns have theirs in [`Columns::fixed_share`].
    pub fn share(self, col: Column) -> f64 {
        if self.shows(col) {
            f64::from(col.weight()) * 100.0 / f64::from(self.total())
        } else {
            0.0
        }
    }

    /// The shares of the columns that always show: name, value and status, in percent.
    pub fn fixed_share(self) -> (f64, f64, f64) {
        let t = f64::from(self.total());
        (
            f64::from(NAME_WEIGHT) * 100.0 / t,
            f64::from(VALUE_WEIGHT) * 100.0 / t,
            f64::from(STATUS_WEIGHT) * 100.0 / t,
        )
    }

    /// The narrowest the table may be (in rem) before it scrolls sideways: each column keeps
    /// room for its header and a short value.
    pub fn min_width_rem(self) -> f64 {
        f64::from(self.total()) / 16.0 * 0.8
    }
}
