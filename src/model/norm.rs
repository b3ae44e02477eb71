//! A KPI's norm as numbers, and the status of a measured value against it.

use super::lang::Lang;

/// The norm of a KPI in its unit: where it is on target, at risk and off target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Norm {
    /// Higher is better: on target at or above `target`, at risk from `red` up to `target`,
    /// off target below `red`.
    Higher {
        /// The value to reach.
        target: f64,
        /// Below this the KPI is off target.
        red: f64,
    },
    /// Lower is better: on target at or below `target`, at risk above it up to and including
    /// `red`, off target above `red`.
    Lower {
        /// The value to stay under.
        target: f64,
        /// Above this the KPI is off target.
        red: f64,
    },
    /// Within a band: on target within `[low, high]`, at risk up to `tolerance` outside it,
    /// off target beyond.
    Band {
        /// The lowest value on target.
        low: f64,
        /// The highest value on target.
        high: f64,
        /// How far outside the band still counts as at risk.
        tolerance: f64,
    },
}

/// Thresholds that contradict the direction of their norm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contradiction {
    /// A number is not finite (NaN or infinite).
    NotFinite,
    /// Higher is better, yet the red threshold lies above the target.
    RedAboveTarget,
    /// Lower is better, yet the red threshold lies below the target.
    RedBelowTarget,
    /// A band whose low end lies above its high end.
    LowAboveHigh,
    /// A band with a negative tolerance.
    NegativeTolerance,
}

impl Contradiction {
    /// The contradiction in one sentence.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Contradiction::NotFinite => {
                lang.pick("A threshold is not a number.", "Een grens is geen getal.")
            }
            Contradiction::RedAboveTarget => lang.pick(
                "Higher is better, yet the red threshold is above the target.",
                "Hoger is beter, maar de rode grens ligt boven de norm.",
            ),
            Contradiction::RedBelowTarget => lang.pick(
                "Lower is better, yet the red threshold is below the target.",
                "Lager is beter, maar de rode grens ligt onder de norm.",
            ),
            Contradiction::LowAboveHigh => lang.pick(
                "The low target is above the high target.",
                "De ondergrens ligt boven de bovengrens.",
            ),
            Contradiction::NegativeTolerance => {
                lang.pick("The tolerance is negative.", "De marge is negatief.")
            }
        }
    }
}

impl Norm {
    /// The status of `value` against this norm. A value that is not finite has no value.
    /// A norm with a [`Norm::contradiction`] still answers (its comparisons are applied as
    /// written); callers should not show statuses of such a norm.
    pub fn status(&self, value: f64) -> Status {
        if !value.is_finite() {
            return Status::NoValue;
        }
        match *self {
            Norm::Higher { target, red } => graded(value >= target, value >= red),
            Norm::Lower { target, red } => graded(value <= target, value <= red),
            Norm::Band {
                low,
                high,
                tolerance,
            } => graded(
                (low..=high).contains(&value),
                (low - tolerance..=high + tolerance).contains(&value),
            ),
        }
    }

    /// What contradicts the direction, if anything: see [`Contradiction`]. Equal target and
    /// red (no at-risk zone) and a zero tolerance are allowed.
    pub fn contradiction(&self) -> Option<Contradiction> {
        let (nums, problem) = match *self {
            Norm::Higher { target, red } => (
                [target, red, 0.0],
                (red > target).then_some(Contradiction::RedAboveTarget),
            ),
            Norm::Lower { target, red } => (
                [target, red, 0.0],
                (red < target).then_some(Contradiction::RedBelowTarget),
            ),
            Norm::Band {
                low,
                high,
                tolerance,
            } => (
                [low, high, tolerance],
                if low > high {
                    Some(Contradiction::LowAboveHigh)
                } else if tolerance < 0.0 {
                    Some(Contradiction::NegativeTolerance)
                } else {
                    None
                },
            ),
        };
        if nums.iter().any(|n| !n.is_finite()) {
            Some(Contradiction::NotFinite)
        } else {
            problem
        }
    }
}

/// `n` as the UI language writes it: no trailing zeros, `.` in English, `,` in Dutch
/// (`95`, `92.5`, `92,5`).
pub fn format_number(n: f64, lang: Lang) -> String {
    // serde_json's shortest round-trip writer (already in the wasm for the file format);
    // `format!("{n}")` would bring the standard library's own (several KB).
    let text = serde_json::to_string(&n).unwrap_or_default();
    let text = text.strip_suffix(".0").unwrap_or(&text);
    match lang {
        Lang::En => text.to_string(),
        Lang::Nl => text.replace('.', ","),
    }
}

/// A number typed by a person: surrounding blanks ignored, `.` or `,` as the decimal
/// separator (`92.5`, `92,5`, `-3`). `None` for anything else (also for `1,000.5` and
/// non-finite values): the caller shows that it was not applied.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() || t.matches([',', '.']).count() > 1 {
        return None;
    }
    let t = t.replace(',', ".");
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let v = parse_plain(digits)?;
    Some(if neg { -v } else { v })
}

/// `digits[.digits]` (either part may be empty, not both) as a number, by hand:
/// `str::parse::<f64>` would bring the standard library's float parser (~10 KB) into the
/// wasm. Exact (correctly rounded) up to 15 significant digits and 22 decimals: the digits
/// as a whole number divided by a power of ten, both exact.
pub(crate) fn parse_plain(s: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut whole = 0.0_f64;
    for b in int.bytes().chain(frac.bytes()) {
        whole = whole * 10.0 + f64::from(b - b'0');
    }
    let mut v = whole;
    let mut left = frac.len();
    while left > 0 {
        let step = left.min(22);
        v /= POW10[step];
        left -= step;
    }
    v.is_finite().then_some(v)
}

impl Norm {
    /// The norm in a few characters: `≥ 95 (red < 90)`, `≤ 3 (red > 5)`, `10–15 ± 2`.
    pub fn compact(&self, lang: Lang) -> String {
        let f = |n: f64| format_number(n, lang);
        let red = lang.pick("red", "rood");
        match *self {
            Norm::Higher { target, red: r } => format!("≥ {} ({red} < {})", f(target), f(r)),
            Norm::Lower { target, red: r } => format!("≤ {} ({red} > {})", f(target), f(r)),
            Norm::Band {
                low,
                high,
                tolerance,
            } => {
                // One value (`10`), a range (`10–15`; spaced when a bound is negative:
                // `-5 – 5`), then the tolerance unless it is zero (no at-risk zone).
                let band = if low == high {
                    f(low)
                } else if low < 0.0 || high < 0.0 {
                    format!("{} – {}", f(low), f(high))
                } else {
                    format!("{}–{}", f(low), f(high))
                };
                if tolerance == 0.0 {
                    band
                } else {
                    format!("{band} ± {}", f(tolerance))
                }
            }
        }
    }
}

/// The norm as every view shows it: derived from the direction and the numbers
/// ([`Norm::compact`]), or "no norm" (the status word) while a number is missing or the
/// direction is unset. Never the free text of the norm description: that is a note
/// ([`norm_note`]).
pub fn shown_norm(norm: Option<&Norm>, lang: Lang) -> String {
    match norm {
        Some(n) => n.compact(lang),
        None => Status::NoNorm.word(lang).to_string(),
    }
}

/// A norm description as views show it beside the norm, labelled as a note ("Note: 9+",
/// "Notitie: 9+"); `None` when it is blank.
pub fn norm_note(description: &str, lang: Lang) -> Option<String> {
    let text = description.trim();
    (!text.is_empty()).then(|| format!("{} {text}", lang.pick("Note:", "Notitie:")))
}

fn graded(on_target: bool, within_red: bool) -> Status {
    if on_target {
        Status::OnTarget
    } else if within_red {
        Status::AtRisk
    } else {
        Status::OffTarget
    }
}

/// Where a KPI stands for one period (in files: `on_target`, `at_risk`, `off_target`,
/// `no_value`, `no_norm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The value meets the target.
    OnTarget,
    /// The value misses the target but is not past the red threshold.
    AtRisk,
    /// The value is past the red threshold.
    OffTarget,
    /// The KPI has a norm but no value for the period.
    NoValue,
    /// The KPI has no (readable) norm.
    NoNorm,
}

impl Status {
    /// All statuses, in the order a legend lists them.
    pub const ALL: [Status; 5] = [
        Status::OnTarget,
        Status::AtRisk,
        Status::OffTarget,
        Status::NoValue,
        Status::NoNorm,
    ];

    /// The status of an optional value against an optional norm: no norm first, then no value.
    pub fn of(norm: Option<&Norm>, value: Option<f64>) -> Status {
        match (norm, value) {
            (None, _) => Status::NoNorm,
            (Some(_), None) => Status::NoValue,
            (Some(n), Some(v)) => n.status(v),
        }
    }

    /// The word shown for it, exactly as the UI contract writes it.
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Status::OnTarget => lang.pick("on target", "op norm"),
            Status::AtRisk => lang.pick("at risk", "risico"),
            Status::OffTarget => lang.pick("off target", "buiten norm"),
            Status::NoValue => lang.pick("no value", "geen waarde"),
            Status::NoNorm => lang.pick("no norm", "geen norm"),
        }
    }

    /// The mark shown beside (or instead of) the word: a shape, so colour is not the only
    /// signal ("✓", "!", "✕", "–" no value, "·" no norm).
    pub fn mark(self) -> &'static str {
        match self {
            Status::OnTarget => "✓",
            Status::AtRisk => "!",
            Status::OffTarget => "✕",
            Status::NoValue => "–",
            Status::NoNorm => "·",
        }
    }

    /// How bad a known status is for roll-up: on target 0, at risk 1, off target 2 (worst);
    /// `None` for no value and no norm, which stand apart.
    pub fn severity(self) -> Option<u8> {
        match self {
            Status::OnTarget => Some(0),
            Status::AtRisk => Some(1),
            Status::OffTarget => Some(2),
            Status::NoValue | Status::NoNorm => None,
        }
    }

    /// True for on target, at risk and off target.
    pub fn is_known(self) -> bool {
        self.severity().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_is_better() {
        let n = Norm::Higher {
            target: 9.0,
            red: 8.5,
        };
        assert_eq!(n.status(9.5), Status::OnTarget);
        assert_eq!(n.status(9.0), Status::OnTarget);
        assert_eq!(n.status(8.7), Status::AtRisk);
        assert_eq!(n.status(8.5), Status::AtRisk);
        assert_eq!(n.status(8.4), Status::OffTarget);
        assert_eq!(n.status(f64::NAN), Status::NoValue);
        assert_eq!(n.contradiction(), None);
    }

    #[test]
    fn lower_is_better() {
        let n = Norm::Lower {
            target: 10.0,
            red: 15.0,
        };
        assert_eq!(n.status(3.0), Status::OnTarget);
        assert_eq!(n.status(10.0), Status::OnTarget);
        assert_eq!(n.status(15.0), Status::AtRisk);
        assert_eq!(n.status(15.1), Status::OffTarget);
        assert_eq!(n.contradiction(), None);
    }

    #[test]
    fn band() {
        let n = Norm::Band {
            low: 90.0,
            high: 95.0,
            tolerance: 5.0,
        };
        for (v, s) in [
            (84.9, Status::OffTarget),
            (85.0, Status::AtRisk),
            (90.0, Status::OnTarget),
            (95.0, Status::OnTarget),
            (99.0, Status::AtRisk),
            (100.0, Status::AtRisk),
            (100.5, Status::OffTarget),
        ] {
            assert_eq!(n.status(v), s, "{v}");
        }
        assert_eq!(n.contradiction(), None);
    }

    #[test]
    fn contradictions() {
        let c = |n: Norm| n.contradiction();
        assert_eq!(
            c(Norm::Higher {
                target: 90.0,
                red: 95.0
            }),
            Some(Contradiction::RedAboveTarget)
        );
        assert_eq!(
            c(Norm::Lower {
                target: 10.0,
                red: 5.0
            }),
            Some(Contradiction::RedBelowTarget)
        );
        let band = |low, high, tolerance| Norm::Band {
            low,
            high,
            tolerance,
        };
        assert_eq!(c(band(95.0, 90.0, 1.0)), Some(Contradiction::LowAboveHigh));
        assert_eq!(
            c(band(90.0, 95.0, -1.0)),
            Some(Contradiction::NegativeTolerance)
        );
        assert_eq!(c(band(90.0, 90.0, 0.0)), None);
        assert_eq!(
            c(Norm::Higher {
                target: f64::NAN,
                red: 1.0
            }),
            Some(Contradiction::NotFinite)
        );
        for k in [
            Contradiction::NotFinite,
            Contradiction::RedAboveTarget,
            Contradiction::RedBelowTarget,
            Contradiction::LowAboveHigh,
            Contradiction::NegativeTolerance,
        ] {
            assert_ne!(k.message(Lang::En), k.message(Lang::Nl));
        }
    }

    #[test]
    fn numbers_and_compact() {
        assert_eq!(parse_number("92.5"), Some(92.5));
        assert_eq!(parse_number(" 92,5 "), Some(92.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
        for t in [
            "0.1",
            "1.15",
            "99.5",
            "8.5",
            "0.3",
            "123456.789",
            ".5",
            "5.",
        ] {
            assert_eq!(parse_plain(t), t.parse::<f64>().ok(), "{t}");
        }
        for bad in ["", "abc", "1,000.5", "9+", "1e5", "NaN", "inf", "-", "."] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        assert_eq!(format_number(92.5, Lang::Nl), "92,5");
        assert_eq!(format_number(95.0, Lang::En), "95");
        assert_eq!(format_number(-0.25, Lang::En), "-0.25");
        assert_eq!(format_number(99.5, Lang::En), "99.5");
        let h = Norm::Higher {
            target: 95.0,
            red: 90.0,
        };
        assert_eq!(h.compact(Lang::En), "≥ 95 (red < 90)");
        let l = Norm::Lower {
            target: 3.0,
            red: 5.0,
        };
        assert_eq!(l.compact(Lang::Nl), "≤ 3 (rood > 5)");
        let b = Norm::Band {
            low: 10.0,
            high: 15.0,
            tolerance: 2.0,
        };
        assert_eq!(b.compact(Lang::En), "10–15 ± 2");
    }

    #[test]
    fn words_and_order() {
        let words: Vec<_> = Status::ALL.iter().map(|s| s.word(Lang::En)).collect();
        assert_eq!(
            words,
            ["on target", "at risk", "off target", "no value", "no norm"]
        );
        let words: Vec<_> = Status::ALL.iter().map(|s| s.word(Lang::Nl)).collect();
        assert_eq!(
            words,
            [
                "op norm",
                "risico",
                "buiten norm",
                "geen waarde",
                "geen norm"
            ]
        );
        assert!(Status::OffTarget.severity() > Status::AtRisk.severity());
        assert!(Status::AtRisk.severity() > Status::OnTarget.severity());
        assert!(!Status::NoValue.is_known() && !Status::NoNorm.is_known());
        let n = Norm::Higher {
            target: 1.0,
            red: 0.0,
        };
        assert_eq!(Status::of(None, Some(1.0)), Status::NoNorm);
        assert_eq!(Status::of(Some(&n), None), Status::NoValue);
        assert_eq!(Status::of(Some(&n), Some(1.0)), Status::OnTarget);
    }
}
