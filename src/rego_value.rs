//! The estate as a regorus value, built straight from the parsed documents.
//!
//! Going through `regorus::Value::from(serde_json::Value)` needs an owned copy of the
//! whole input first and allocates every object key once per document. At 100,000
//! documents that copy and those keys are most of the input's memory, so the
//! conversion here walks borrowed values and shares each distinct key string.

use std::collections::BTreeMap;

use foldhash::HashMap;
use regorus::Value as Rego;
use serde_json::Value as Json;

/// Strings up to this long are shared; longer ones (messages, descriptions) rarely
/// repeat and would only grow the table.
const SHARED_STRING_MAX: usize = 64;

/// Converts JSON values, sharing equal object keys and short strings between them.
#[derive(Default)]
pub struct Converter {
    keys: HashMap<String, Rego>,
}

impl Converter {
    pub fn new() -> Converter {
        Converter::default()
    }

    /// `value` as regorus sees it: the same value `regorus::Value::from` would give.
    pub fn value(&mut self, value: &Json) -> Rego {
        match value {
            Json::Null => Rego::Null,
            Json::Bool(b) => Rego::from(*b),
            // Same order as regorus's own deserialiser: unsigned, then signed, then float.
            Json::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Rego::from(u),
                (None, Some(i), _) => Rego::from(i),
                (None, None, Some(f)) => Rego::from(f),
                (None, None, None) => Rego::Undefined,
            },
            // Short strings repeat across documents (tiers, states, types, teams):
            // sharing one copy of each is a large part of an estate's memory.
            Json::String(s) if s.len() <= SHARED_STRING_MAX => self.key(s),
            Json::String(s) => Rego::from(s.as_str()),
            Json::Array(items) => Rego::from(items.iter().map(|v| self.value(v)).collect::<Vec<_>>()),
            Json::Object(fields) => {
                let map: BTreeMap<Rego, Rego> =
                    fields.iter().map(|(k, v)| (self.key(k), self.value(v))).collect();
                Rego::from(map)
            }
        }
    }

    /// A key string, allocated once however many objects carry it.
    pub fn key(&mut self, key: &str) -> Rego {
        if let Some(k) = self.keys.get(key) {
            return k.clone();
        }
        let k = Rego::from(key);
        self.keys.insert(key.to_owned(), k.clone());
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_equals_regorus_own_from_json() {
        let samples = [
            serde_json::json!(null),
            serde_json::json!({"a": [1, -2, 3.5, 18446744073709551615u64, -9223372036854775808i64],
                               "b": {"c": true, "d": "x", "e": null, "a": []}, "": {}}),
            serde_json::json!([{"k": 1}, {"k": 2.0}, "k"]),
        ];
        for json in samples {
            let mut converter = Converter::new();
            assert_eq!(converter.value(&json), Rego::from(json.clone()), "{json}");
        }
    }

    #[test]
    fn equal_keys_share_one_string() {
        let mut converter = Converter::new();
        let a = converter.key("spec");
        let b = converter.key("spec");
        let (Rego::String(a), Rego::String(b)) = (a, b) else {
            panic!("keys are strings");
        };
        assert!(std::ptr::eq(a.as_ptr(), b.as_ptr()));
    }
}
