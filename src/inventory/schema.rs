//! Validation of documents against `schemas/inventory.schema.json`, the published
//! contract between inventories and rules, with messages written for the person who
//! has to fix the file: what was expected, what was found, and the likely typo.

use std::sync::OnceLock;

use jsonschema::Validator;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::source_map::push_token;

/// The inventory schema, as shipped with this build.
pub const SCHEMA_TEXT: &str = include_str!("../../schemas/inventory.schema.json");

/// One schema violation: where (a JSON pointer into the document) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub message: String,
}

/// A compiled JSON Schema with the text it came from (needed to suggest field names).
pub struct Schema {
    schema: Value,
    validator: Validator,
    kinds: Vec<String>,
}

impl Schema {
    pub fn compile(text: &str) -> Result<Schema, String> {
        let schema: Value = serde_json::from_str(text).map_err(|e| format!("schema: {e}"))?;
        let validator = jsonschema::validator_for(&schema).map_err(|e| format!("schema: {e}"))?;
        let kinds = kinds_of(&schema);
        Ok(Schema {
            schema,
            validator,
            kinds,
        })
    }
}

fn compiled() -> Result<&'static Schema, String> {
    static COMPILED: OnceLock<Result<Schema, String>> = OnceLock::new();
    COMPILED
        .get_or_init(|| Schema::compile(SCHEMA_TEXT).map_err(|e| format!("inventory {e}")))
        .as_ref()
        .map_err(Clone::clone)
}

/// The document kinds the schema defines. Read from the schema's text alone: checking
/// a catalog's rules needs them, and compiling the validator would hold up every run by
/// some 4 ms before its rules can be compiled.
pub fn kinds() -> Vec<String> {
    static KINDS: OnceLock<Vec<String>> = OnceLock::new();
    KINDS
        .get_or_init(|| {
            serde_json::from_str::<Value>(SCHEMA_TEXT)
                .map(|schema| kinds_of(&schema))
                .unwrap_or_default()
        })
        .clone()
}

fn kinds_of(schema: &Value) -> Vec<String> {
    schema
        .pointer("/properties/kind/enum")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|k| k.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Every violation of `document`, in document order.
pub fn validate(document: &Value) -> Vec<Violation> {
    match compiled() {
        Ok(c) => violations(c, document),
        Err(e) => vec![Violation {
            pointer: String::new(),
            message: e,
        }],
    }
}

/// Every violation of `document` against `compiled`, in document order.
pub fn violations(compiled: &Schema, document: &Value) -> Vec<Violation> {
    let kind = document.get("kind").and_then(Value::as_str);
    let mut out: Vec<Violation> = Vec::new();
    for error in compiled.validator.iter_errors(document) {
        let pointer = error.instance_path().to_string();
        let instance = error.instance();
        // Messages about a value name the field, so they read well without the file open.
        let field = |message: String| {
            if pointer.is_empty() {
                message
            } else {
                format!("{}: {message}", dotted(&pointer))
            }
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = allowed_fields(&compiled.schema, kind, &pointer);
                for field in unexpected {
                    let mut message = format!("unknown field {field:?}");
                    if let Some(s) = suggest(field, allowed.iter().map(String::as_str)) {
                        message.push_str(&format!("; did you mean {s:?}?"));
                    } else if !allowed.is_empty() {
                        message.push_str(&format!("; expected one of: {}", allowed.join(", ")));
                    }
                    out.push(Violation {
                        pointer: push_token(&pointer, field),
                        message,
                    });
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_owned);
                let what = if pointer.is_empty() {
                    "document".to_owned()
                } else {
                    format!("{:?}", last_token(&pointer))
                };
                out.push(Violation {
                    pointer,
                    message: format!("missing required field {name:?} in {what}"),
                });
            }
            ValidationErrorKind::Type { kind: expected } => {
                let expected = match expected {
                    TypeKind::Single(t) => article(&t.to_string()),
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| article(&t.to_string()))
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                out.push(Violation {
                    message: field(format!("expected {expected}, found {}", describe(instance))),
                    pointer,
                });
            }
            ValidationErrorKind::Enum { options } if pointer == "/kind" => {
                let found = instance.as_str().unwrap_or_default();
                let mut message = format!("unknown kind {found:?}");
                if let Some(s) = suggest(found, compiled.kinds.iter().map(String::as_str)) {
                    message.push_str(&format!("; did you mean {s:?}?"));
                }
                message.push_str(&format!(" (known kinds: {})", compiled.kinds.join(", ")));
                let _ = options;
                out.push(Violation { pointer, message });
            }
            ValidationErrorKind::Enum { options } => {
                let options = options.as_array().map(Vec::as_slice).unwrap_or_default();
                // Bare words read best, but when strings and other values mix (true and
                // "True") the quotes are what tells them apart.
                let all_strings = options.iter().all(Value::is_string);
                let choices: Vec<String> = options
                    .iter()
                    .map(|v| match v.as_str() {
                        Some(text) if all_strings => text.to_owned(),
                        _ => v.to_string(),
                    })
                    .collect();
                let mut message = format!(
                    "expected one of {}; found {}",
                    choices.join(", "),
                    describe(instance)
                );
                if all_strings
                    && let Some(s) = instance
                        .as_str()
                        .and_then(|f| suggest(f, choices.iter().map(String::as_str)))
                {
                    message.push_str(&format!("; did you mean {s:?}?"));
                }
                out.push(Violation {
                    message: field(message),
                    pointer,
                });
            }
            ValidationErrorKind::Constant { expected_value } => {
                out.push(Violation {
                    message: field(format!("expected {expected_value}, found {}", describe(instance))),
                    pointer,
                });
            }
            ValidationErrorKind::Pattern { pattern } => {
                let what = if pattern.contains(r"\d{4}-\d{2}-\d{2}") {
                    "a date (YYYY-MM-DD)".to_owned()
                } else if pointer.ends_with("/metadata/name") {
                    "a name without '/' or control characters, not starting with a space".to_owned()
                } else {
                    format!("a string matching {pattern}")
                };
                out.push(Violation {
                    message: field(format!("expected {what}, found {}", describe(instance))),
                    pointer,
                });
            }
            _ => out.push(Violation {
                message: field(error.to_string()),
                pointer,
            }),
        }
    }
    // One defect can break several branches of the schema the same way (a null where a
    // mapping belongs); say it once.
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|v| seen.insert((v.pointer.clone(), v.message.clone())));
    out
}

/// A JSON pointer as people write field paths: `/spec/pricings/VirtualMachines` is
/// `spec.pricings.VirtualMachines`, and list positions are `[0]`.
fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{token}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&token);
        }
    }
    out
}

fn article(t: &str) -> String {
    match t {
        "object" => "a mapping".into(),
        "array" => "a list".into(),
        "integer" => "an integer".into(),
        "null" => "null".into(),
        other => format!("a {other}"),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
    }
}

fn last_token(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .replace("~1", "/")
        .replace("~0", "~")
}

/// The closest candidate to `found`, if any is close enough to be a likely typo.
pub fn suggest<'a>(found: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = found.to_ascii_lowercase();
    candidates
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The field names the schema allows in the object at `pointer` of a document of `kind`.
fn allowed_fields(schema: &Value, kind: Option<&str>, pointer: &str) -> Vec<String> {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let mut node = schema;
    let mut rest = tokens.as_slice();
    if let (Some(kind), Some(first)) = (kind, tokens.first())
        && first == "spec"
    {
        match schema.pointer(&format!("/$defs/spec{kind}")) {
            Some(spec) => node = spec,
            None => return Vec::new(),
        }
        rest = &tokens[1..];
    }
    for token in rest {
        node = resolve(schema, node);
        let next = node
            .get("properties")
            .and_then(|p| p.get(token.as_str()))
            .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))
            .or_else(|| node.get("items"));
        match next {
            Some(n) => node = n,
            None => return Vec::new(),
        }
    }
    let node = resolve(schema, node);
    let mut names: Vec<String> = node
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    // Bounded: the schema's references are not cyclic, but a loop must not hang a run.
    for _ in 0..8 {
        match node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            Some(target) => match schema.pointer(target) {
                Some(n) => node = n,
                None => break,
            },
            None => break,
        }
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(kind: &str, spec: Value) -> Value {
        json!({"apiVersion": "steward/v1", "kind": kind, "metadata": {"name": "x", "owner": "t"}, "spec": spec})
    }

    #[test]
    fn a_valid_document_has_no_violations() {
        let d = doc(
            "Subscription",
            json!({"serviceModel": "iaas", "pricings": {"Arm": {"pricingTier": "Standard"}}}),
        );
        assert_eq!(validate(&d), vec![]);
    }

    #[test]
    fn an_unknown_field_suggests_the_likely_typo() {
        let d = doc("Subscription", json!({"serviceModel": "iaas", "pricing": {}}));
        assert_eq!(
            validate(&d),
            vec![Violation {
                pointer: "/spec/pricing".into(),
                message: "unknown field \"pricing\"; did you mean \"pricings\"?".into()
            }]
        );
    }

    #[test]
    fn an_unknown_kind_suggests_the_closest() {
        let d = doc("Subscripton", json!({}));
        let v = validate(&d);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].pointer, "/kind");
        assert!(
            v[0].message
                .starts_with("unknown kind \"Subscripton\"; did you mean \"Subscription\"?"),
            "{}",
            v[0].message
        );
    }

    #[test]
    fn wrong_types_and_missing_fields_say_what_was_expected() {
        let d = json!({"apiVersion": "steward/v1", "kind": "SentinelWorkspace", "metadata": {"owner": "t"},
                       "spec": {"retentionInDays": "ninety"}});
        let v = validate(&d);
        assert!(
            v.contains(&Violation {
                pointer: "/metadata".into(),
                message: "missing required field \"name\" in \"metadata\"".into()
            }),
            "{v:?}"
        );
        assert!(
            v.contains(&Violation {
                pointer: "/spec/retentionInDays".into(),
                message: "spec.retentionInDays: expected an integer, found \"ninety\"".into()
            }),
            "{v:?}"
        );
    }

    #[test]
    fn enums_list_the_choices() {
        let d = doc("Subscription", json!({"serviceModel": "Iaas"}));
        assert_eq!(
            validate(&d)[0].message,
            "spec.serviceModel: expected one of onprem, iaas, paas, saas; found \"Iaas\"; did you mean \"iaas\"?"
        );
    }
}
