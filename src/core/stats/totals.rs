//! Computations (SPEC §3.4): column sums in checked 64-bit integers, the 合计 row, and coverages
//! as exact ratios shown rounded *down* to 0.1 %, so that `100.0%` means full coverage.

use serde_json::{Map, Value};

use crate::core::columns::{Kind, COLUMNS, INPUTS, INPUT_COUNT};
use crate::core::issue::Issue;
use crate::core::stats::model::{Row, StatsDoc};

/// Name of the totals row.
pub const TOTAL_NAME: &str = "合计";

/// An exact ratio of two counts; it stays a pair of integers until it is displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    /// `num / den` and the thousandths of the rest, rounded down: `num · 1000 / den` as
    /// `(whole, thousandths)`, in u64 by long division (a u128 division would add the 128-bit
    /// divide to the form's wasm). `None` for 0/0.
    fn parts(self) -> Option<(u64, u64)> {
        let den = self.den;
        if den == 0 {
            return None;
        }
        let (whole, mut rest) = (self.num / den, self.num % den);
        let mut thousandths = 0;
        for _ in 0..3 {
            // The next digit, ⌊10 · rest / den⌋, and 10 · rest mod den: rest added ten times
            // modulo den, counting the wraps (rest < den, so no step overflows).
            let (mut acc, mut digit) = (0, 0);
            for _ in 0..10 {
                if acc >= den - rest {
                    acc -= den - rest;
                    digit += 1;
                } else {
                    acc += rest;
                }
            }
            thousandths = thousandths * 10 + digit;
            rest = acc;
        }
        Some((whole, thousandths))
    }
    /// Tenths of a percent, rounded down; `None` for 0/0 (no denominator).
    pub fn permille(self) -> Option<u128> {
        self.parts().map(|(whole, thousandths)| u128::from(whole) * 1000 + u128::from(thousandths))
    }
    /// `"91.6%"`, or `"—"` when the denominator is 0.
    pub fn display(self) -> String {
        match self.parts() {
            // The percentage is whole · 100 + thousandths / 10, written without forming it.
            Some((0, t)) => format!("{}.{}%", t / 10, t % 10),
            Some((whole, t)) => format!("{whole}{:02}.{}%", t / 10, t % 10),
            None => "—".to_string(),
        }
    }
    /// Below full coverage (a zero denominator is not "below").
    pub fn below_full(self) -> bool {
        self.den != 0 && self.num < self.den
    }
}

/// Values of one row, `None` for cells that are missing or invalid.
pub type Values = [Option<u64>; INPUT_COUNT];

/// The computed value of a non-input column for a row's values.
pub enum Computed {
    Ratio(Option<Ratio>),
    Sum(Option<u64>),
}

/// Computes column `kind` from the values (`None` when an operand is unknown).
pub fn compute(kind: Kind, v: &Values) -> Option<Computed> {
    match kind {
        Kind::Ratio { num, den } => Some(Computed::Ratio(v[num].zip(v[den]).map(|(num, den)| Ratio { num, den }))),
        Kind::Sum(parts) => Some(Computed::Sum(
            parts.iter().try_fold(0u64, |acc, &p| acc.checked_add(v[p]?)),
        )),
        _ => None,
    }
}

/// The computed view of one row: `name`, the inputs, `methods_total` and the coverages as
/// display strings, in column order. Unknown values are `null` / `—`.
pub fn row_view(name: &str, v: &Values) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), name.into());
    let mut input = 0;
    for c in &COLUMNS[1..] {
        let val = match compute(c.kind, v) {
            None => {
                let x = v[input].map_or(Value::Null, Value::from);
                input += 1;
                x
            }
            Some(Computed::Sum(s)) => s.map_or(Value::Null, Value::from),
            Some(Computed::Ratio(r)) => Value::from(r.map_or_else(|| "—".to_string(), Ratio::display)),
        };
        m.insert(c.field.into(), val);
    }
    Value::Object(m)
}

/// Column sums over rows; missing or invalid cells count as 0 (they are errors of their own).
/// `Err(field)` names the first column whose sum does not fit in 64 bits.
pub fn column_sums<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Result<[u64; INPUT_COUNT], &'static str> {
    let mut sums = [0u64; INPUT_COUNT];
    for row in rows {
        for (i, c) in row.cells.iter().enumerate() {
            sums[i] = sums[i].checked_add(c.value().unwrap_or(0)).ok_or(INPUTS[i])?;
        }
    }
    Ok(sums)
}

/// The computed view of a table: `{ "total": ROW, "rows": [ROW, …] }` (SPEC §3.4). An overflow
/// (impossible within the limits, but inputs are not trusted) gives X004 and a `null` total.
pub fn totals(doc: &StatsDoc) -> (Value, Vec<Issue>) {
    let mut issues = Vec::new();
    let total = match column_sums(&doc.rows) {
        Ok(s) => row_view(TOTAL_NAME, &s.map(Some)),
        Err(field) => {
            issues.push(Issue::new("X004", format!("/rows/-/{field}")).param("field", field));
            row_view(TOTAL_NAME, &[None; INPUT_COUNT])
        }
    };
    let rows = doc
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| row_view(r.name.as_deref().unwrap_or(&format!("#{}", i + 1)), &r.values()))
        .collect();
    let mut m = Map::new();
    m.insert("total".into(), total);
    m.insert("rows".into(), Value::Array(rows));
    (Value::Object(m), issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_display_rounds_down() {
        assert_eq!(Ratio { num: 9999, den: 10000 }.display(), "99.9%");
        assert_eq!(Ratio { num: 10000, den: 10000 }.display(), "100.0%");
        assert_eq!(Ratio { num: 0, den: 0 }.display(), "—");
        assert_eq!(Ratio { num: 1100, den: 1200 }.display(), "91.6%");
        assert_eq!(Ratio { num: 2, den: 3 }.display(), "66.6%");
        // The u64 long division against the exact u128 quotient, near the limits too.
        let edges = [0, 1, 2, 3, 7, 9, 10, 999, 1000, 1001, 12345, u64::MAX / 1000, u64::MAX / 10, u64::MAX / 3, u64::MAX - 1, u64::MAX];
        for &num in &edges {
            for &den in &edges[1..] {
                let exact = u128::from(num) * 1000 / u128::from(den);
                assert_eq!(Ratio { num, den }.permille(), Some(exact), "{num}/{den}");
                assert_eq!(Ratio { num, den }.display(), format!("{}.{}%", exact / 10, exact % 10), "{num}/{den}");
            }
        }
        assert_eq!(Ratio { num: u64::MAX, den: u64::MAX }.display(), "100.0%");
    }
}
