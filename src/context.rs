//! What the rules are evaluated against: the `input` document (the estate) and the
//! `data.steward` document (evaluation date, matrix, parameters). `steward input`
//! prints exactly this pair, so any result can be reproduced with `opa eval`.

use chrono::{NaiveDate, Utc};
use serde_json::{Value, json};

use crate::catalog::Catalog;
use crate::inventory::Inventory;
use crate::responsibility::Matrix;

/// The day rules judge ages against (audit reviews, scan runs). Rules never read the
/// clock: the host fixes this once per run, so a result can be reproduced later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf(pub NaiveDate);

impl AsOf {
    pub fn today() -> AsOf {
        AsOf(Utc::now().date_naive())
    }

    /// `--as-of`: the given date, or today when none is given.
    pub fn from_flag(flag: Option<&str>) -> Result<AsOf, String> {
        flag.map_or_else(|| Ok(AsOf::today()), AsOf::parse)
    }

    pub fn parse(text: &str) -> Result<AsOf, String> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(AsOf)
            .map_err(|e| format!("invalid date {text:?} ({e}); expected YYYY-MM-DD"))
    }

    /// Nanoseconds since the Unix epoch at midnight UTC, the unit of Rego's time builtins.
    pub fn nanos(self) -> i64 {
        self.0.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp()) * 1_000_000_000
    }
}

impl std::fmt::Display for AsOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// `data` for a run with every parameter at its default.
pub fn data(catalog: &Catalog, matrix: &Matrix, as_of: AsOf) -> Value {
    data_with_params(catalog.default_params(), matrix, as_of)
}

/// `data` for a run: `{"steward": {asOf, asOfNs, matrix, kindServiceModels, params}}`.
pub fn data_with_params(params: Value, matrix: &Matrix, as_of: AsOf) -> Value {
    json!({
        "steward": {
            "asOf": as_of.to_string(),
            "asOfNs": as_of.nanos(),
            "matrix": matrix.to_data(),
            "kindServiceModels": matrix.kind_models_data(),
            "params": params,
        }
    })
}

/// The whole `{"input": ..., "data": ...}` pair.
pub fn document(inventory: &Inventory, data: Value) -> Value {
    json!({ "input": inventory.to_input(), "data": data })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_parses_and_converts_to_rego_time() {
        let d = AsOf::parse("2026-01-02").unwrap();
        assert_eq!(d.to_string(), "2026-01-02");
        assert_eq!(d.nanos(), 1_767_312_000_000_000_000);
        assert!(
            AsOf::parse("2026-13-01")
                .unwrap_err()
                .contains("expected YYYY-MM-DD")
        );
    }
}
