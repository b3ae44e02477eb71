//! Numbers with a fixed count of decimals, without the standard float formatter.

/// `x` with `decimals` digits after the point, as `format!("{x:.1}")` writes it but without
/// the standard library's exact float formatting (about 10 KB of wasm). A tie is rounded away
/// from zero; beyond 2^53 (or not finite) `x` is written as `{x}`.
pub fn fixed(x: f64, decimals: u32) -> String {
    let pow = 10u64.pow(decimals);
    let scaled = (x * pow as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return format!("{x}");
    }
    let n = scaled.abs() as u64;
    let mut s = String::new();
    if scaled < 0.0 {
        s.push('-');
    }
    s.push_str(&(n / pow).to_string());
    if decimals > 0 {
        let frac = (n % pow).to_string();
        s.push('.');
        for _ in frac.len()..decimals as usize {
            s.push('0');
        }
        s.push_str(&frac);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::fixed;

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
