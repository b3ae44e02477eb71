//! Numbers with a fixed count of decimals, without the standard float formatter (its
//! shortest and exact writers are about 10 KB of wasm; integers and serde_json's writer are in
//! the wasm anyway).

use std::fmt;

/// `x` with `decimals` digits after the point, as `format!("{x:.1}")` writes it but without
/// the standard library's exact float formatting (about 10 KB of wasm). A tie is rounded away
/// from zero; beyond 2^53 `x` is written as serde_json writes it, not finite as `{x}` does.
pub fn fixed(x: f64, decimals: u32) -> String {
    Scaled {
        x,
        decimals,
        trim: false,
    }
    .to_string()
}

/// `x` rounded to `decimals` digits after the point and written by integer formatting; with
/// `trim`, a zero fraction is left out.
struct Scaled {
    x: f64,
    decimals: u32,
    trim: bool,
}

impl fmt::Display for Scaled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pow = 10u64.pow(self.decimals);
        let scaled = (self.x * pow as f64).round();
        if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
            return f.write_str(&unusual(self.x));
        }
        let n = scaled.abs() as u64;
        if scaled < 0.0 {
            f.write_str("-")?;
        }
        write!(f, "{}", n / pow)?;
        let frac = n % pow;
        if self.decimals == 0 || (self.trim && frac == 0) {
            return Ok(());
        }
        write!(f, ".{frac:0width$}", width = self.decimals as usize)
    }
}

/// A number too large for [`fixed`] or not a number at all.
fn unusual(x: f64) -> String {
    match x {
        f64::INFINITY => "inf".into(),
        f64::NEG_INFINITY => "-inf".into(),
        x if x.is_nan() => "NaN".into(),
        x => serde_json::to_string(&x).unwrap_or_default(),
    }
}

/// A coordinate rounded to a tenth, written as `{}` writes that rounded number (`12`, `12.5`,
/// `-0.5`): the diagram's SVG numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tenths(pub f64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Scaled {
            x: self.0,
            decimals: 1,
            trim: true,
        }
        .fmt(f)
    }
}

/// [`Tenths`] as a string (for an SVG attribute).
pub fn tenths(x: f64) -> String {
    Tenths(x).to_string()
}

#[cfg(test)]
mod tests {
    use super::{fixed, Tenths};

    #[test]
    fn tenths_write_like_the_standard_formatter_of_the_rounded_number() {
        for x in [
            0.0,
            12.0,
            12.34,
            -3.96,
            1234.56,
            0.04,
            -0.04,
            7.95,
            1e6 + 0.25,
            0.5,
        ] {
            let rounded = (x * 10.0_f64).round() / 10.0;
            let expected = if rounded == 0.0 {
                "0".to_string()
            } else {
                format!("{rounded}")
            };
            assert_eq!(Tenths(x).to_string(), expected, "{x}");
        }
        assert_eq!(Tenths(f64::NAN).to_string(), "NaN");
        assert_eq!(Tenths(1e300).to_string(), "1e+300");
    }

    #[test]
    fn fixed_writes_like_the_standard_formatter() {
        for (x, d) in [
            (0.0, 1),
            (12.34, 1),
            (-3.96, 1),
            (1234.5678, 0),
            (99.96, 1),
            (0.04, 1),
            (7.0, 2),
        ] {
            assert_eq!(fixed(x, d), format!("{x:.*}", d as usize), "{x} {d}");
        }
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
    }
}
