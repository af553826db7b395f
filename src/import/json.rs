//! Reading export files and picking values out of them: the helpers both importers
//! share, and the notes and errors an import collects.

use std::path::Path;

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;

pub(crate) type Object = Map<String, Value>;

/// What an import has to say besides the files: notes (evidence left out, keys
/// ignored) and errors (unreadable or malformed exports).
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub notes: Vec<String>,
    pub errors: Vec<Diagnostic>,
}

impl Log {
    pub fn note(&mut self, message: String) {
        self.notes.push(message);
    }

    pub fn error(&mut self, stage: Stage, file: &str, message: String) {
        self.errors.push(Diagnostic::in_file(stage, file, message));
    }

    /// A schema boolean: a JSON boolean, or the strings `true`/`false` in any case.
    /// Anything else present is left out with a note naming `at`.
    pub fn boolish(&mut self, value: Option<&Value>, at: &str) -> Option<bool> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
            Some(other) => {
                self.note(format!("{at}: {} is not a boolean; left out", repr(other)));
                None
            }
        }
    }
}

/// The base name of `path`, as notes and provenance annotations name files.
pub(crate) fn base_name(path: &Path) -> String {
    match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => path.display().to_string(),
    }
}

/// Reads one export: UTF-8 with or without a byte-order mark; UTF-16 is refused
/// with a hint.
pub(crate) fn load(path: &Path) -> Result<Value, Diagnostic> {
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => parse_bytes(&shown, &bytes),
        Err(e) => Err(Diagnostic::in_file(
            Stage::Read,
            shown,
            format!("cannot read: {e}"),
        )),
    }
}

pub(crate) fn parse_bytes(shown: &str, bytes: &[u8]) -> Result<Value, Diagnostic> {
    let utf16 = bytes.starts_with(&[0xffu8, 0xfe])
        || bytes.starts_with(&[0xfeu8, 0xff])
        || matches!(bytes, [0, _, ..] | [_, 0, ..]);
    if utf16 {
        return Err(Diagnostic::in_file(
            Stage::Read,
            shown,
            "the file is UTF-16, as Windows PowerShell's `>` writes it; re-save it as UTF-8 \
             (for example `Get-Content FILE | Set-Content -Encoding utf8 NEW`)",
        ));
    }
    let bytes = bytes.strip_prefix(&[0xefu8, 0xbb, 0xbf][..]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(Diagnostic::in_file(
                Stage::Read,
                shown,
                format!("not UTF-8 text ({e}); re-save it as UTF-8"),
            ));
        }
    };
    serde_json::from_str::<Value>(text).map_err(|e| {
        let mut message = e.to_string();
        if let Some(start) = message.find(" at line ") {
            message.truncate(start);
        }
        Diagnostic::at(
            Stage::Parse,
            Location {
                file: shown.to_owned(),
                line: e.line().max(1),
                column: e.column().max(1),
            },
            format!("invalid JSON: {message}"),
        )
    })
}

/// Python's truthiness, which the prototype's `x or y` and `if x:` rely on.
pub(crate) fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Sets `key` when `value` is present and not null (the prototype's `put`).
pub(crate) fn put(map: &mut Object, key: &str, value: Option<&Value>) {
    if let Some(v) = value
        && !v.is_null()
    {
        map.insert(key.to_owned(), v.clone());
    }
}

pub(crate) fn put_bool(map: &mut Object, key: &str, value: Option<bool>) {
    if let Some(b) = value {
        map.insert(key.to_owned(), Value::Bool(b));
    }
}

/// `null` is absent: drops nulls from objects and lists, at every depth.
pub(crate) fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if !v.is_null() {
                    out.insert(k.clone(), strip_nulls(v));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            let mut out = Vec::new();
            for v in items {
                if !v.is_null() {
                    out.push(strip_nulls(v));
                }
            }
            Value::Array(out)
        }
        other => other.clone(),
    }
}

/// A key the mapping cannot do without (the prototype's `item["key"]`).
pub(crate) fn req<'a>(map: &'a Object, key: &str) -> Result<&'a Value, String> {
    match map.get(key) {
        Some(v) if !v.is_null() => Ok(v),
        _ => Err(format!("an item has no `{key}`")),
    }
}

pub(crate) fn req_str<'a>(map: &'a Object, key: &str) -> Result<&'a str, String> {
    match req(map, key)? {
        Value::String(s) => Ok(s.as_str()),
        _ => Err(format!("`{key}` is not a string")),
    }
}

pub(crate) fn req_obj<'a>(map: &'a Object, key: &str) -> Result<&'a Object, String> {
    match req(map, key)? {
        Value::Object(o) => Ok(o),
        _ => Err(format!("`{key}` is not an object")),
    }
}

/// An object item of a list.
pub(crate) fn item_obj<'a>(value: &'a Value, list: &str) -> Result<&'a Object, String> {
    match value {
        Value::Object(o) => Ok(o),
        _ => Err(format!("an item of `{list}` is not an object")),
    }
}

/// An optional object: absent or null is `None`.
pub(crate) fn opt_obj<'a>(map: &'a Object, key: &str) -> Result<Option<&'a Object>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(format!("`{key}` is not an object")),
    }
}

/// An optional list: absent or null is `None`.
pub(crate) fn opt_list<'a>(map: &'a Object, key: &str) -> Result<Option<&'a [Value]>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(a)) => Ok(Some(a.as_slice())),
        Some(_) => Err(format!("`{key}` is not a list")),
    }
}

/// The list at `key` (absent: None), each item reduced to its `required` key and
/// whichever `optional` keys it has, nulls dropped: the shape of most nested lists an
/// export carries.
pub(crate) fn picked_list(
    map: &Object,
    key: &str,
    required: &str,
    optional: &[&str],
) -> Result<Option<Value>, String> {
    let Some(items) = opt_list(map, key)? else {
        return Ok(None);
    };
    let mut list = Vec::with_capacity(items.len());
    for item in items {
        let item = item_obj(item, key)?;
        let mut picked = Object::new();
        picked.insert(required.to_owned(), req(item, required)?.clone());
        for k in optional {
            put(&mut picked, k, item.get(*k));
        }
        list.push(strip_nulls(&Value::Object(picked)));
    }
    Ok(Some(Value::Array(list)))
}

/// `map.get(key) or []`: a missing or empty value is an empty list.
pub(crate) fn list_or_empty<'a>(map: &'a Object, key: &str) -> Result<&'a [Value], String> {
    let value = map.get(key);
    match value {
        Some(Value::Array(a)) => Ok(a.as_slice()),
        _ if !truthy(value) => Ok(&[]),
        _ => Err(format!("`{key}` is not a list")),
    }
}

/// Python's `str()` of a value, for sort keys and notes.
pub(crate) fn py_str(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "None".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => repr(other),
    }
}

/// Python's `repr()` of a value, as the prototype's notes show them.
pub(crate) fn repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (None, Some(u), _) => u.to_string(),
            (None, None, Some(f)) => super::yaml::float_repr(f),
            (None, None, None) => n.to_string(),
        },
        Value::String(s) => repr_str(s),
        other => other.to_string(),
    }
}

pub(crate) fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) < 0x20 || u32::from(c) == 0x7f => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Sorts objects by the value of `key`, ignoring case; stable, so equal names keep
/// the export's order (the prototype's `by_name`).
pub(crate) fn by_name(items: Vec<Value>, key: &str) -> Vec<Value> {
    let mut keyed: Vec<(String, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let sort_key = match item.get(key) {
            None => String::new(),
            Some(v) => py_str(Some(v)),
        };
        keyed.push((sort_key.to_lowercase(), item));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, v)| v).collect()
}

/// Lower case, each run of characters other than `a-z0-9` replaced by `-`, no `-`
/// at either end (`Fabrikam Production` → `fabrikam-production`).
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// `8-4-4-4-12` hexadecimal digits.
pub(crate) fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    let lengths = [8usize, 4, 4, 4, 12];
    groups.len() == lengths.len()
        && groups
            .iter()
            .zip(lengths.iter())
            .all(|(g, n)| g.len() == *n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn boolean_strings_in_any_case() {
        let mut log = Log::default();
        assert_eq!(log.boolish(Some(&json!("True")), "f"), Some(true));
        assert_eq!(log.boolish(Some(&json!("FALSE")), "f"), Some(false));
        assert_eq!(log.boolish(Some(&json!(true)), "f"), Some(true));
        assert_eq!(log.boolish(None, "f"), None);
        assert_eq!(log.boolish(Some(&Value::Null), "f"), None);
        assert!(log.notes.is_empty());
        assert_eq!(log.boolish(Some(&json!("yes")), "f"), None);
        assert_eq!(log.boolish(Some(&json!(1)), "f"), None);
        assert_eq!(
            log.notes,
            vec![
                "f: 'yes' is not a boolean; left out",
                "f: 1 is not a boolean; left out"
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_accepted() {
        let v = parse_bytes("x.json", b"\xef\xbb\xbf{\r\n  \"a\": [1, null]\r\n}\r\n").unwrap();
        assert_eq!(v, json!({"a": [1, null]}));
    }

    #[test]
    fn utf16_is_refused_with_a_hint() {
        let e = parse_bytes("x.json", b"\xff\xfe{\0}\0").unwrap_err();
        assert!(e.message.contains("UTF-16"), "{e}");
        let e = parse_bytes("x.json", b"{\0\"\0").unwrap_err();
        assert!(e.message.contains("UTF-16"), "{e}");
    }

    #[test]
    fn invalid_json_names_line_and_column() {
        let e = parse_bytes("x.json", b"{\n  \"a\": 1,\n  oops\n}").unwrap_err();
        let at = e.location.clone().unwrap();
        assert_eq!((at.file.as_str(), at.line), ("x.json", 3));
        assert!(e.message.starts_with("invalid JSON"), "{e}");
    }

    #[test]
    fn slugs_and_guids() {
        assert_eq!(slug("Fabrikam Production"), "fabrikam-production");
        assert_eq!(slug("  R&D -- Lab 2 "), "r-d-lab-2");
        assert_eq!(slug("Été"), "t");
        assert!(is_guid("6a0d2f4b-7c31-4e58-9b2a-1f5e8c3d7a90"));
        assert!(!is_guid("Error retrieving Tenant ID"));
    }

    #[test]
    fn strip_nulls_everywhere() {
        assert_eq!(
            strip_nulls(&json!({"a": null, "b": [1, null, {"c": null, "d": 2}]})),
            json!({"b": [1, {"d": 2}]})
        );
    }

    #[test]
    fn by_name_ignores_case_and_is_stable() {
        let sorted = by_name(
            vec![
                json!({"name": "b"}),
                json!({"name": "A"}),
                json!({"x": 1}),
                json!({"name": "a", "n": 2}),
            ],
            "name",
        );
        assert_eq!(
            sorted,
            vec![
                json!({"x": 1}),
                json!({"name": "A"}),
                json!({"name": "a", "n": 2}),
                json!({"name": "b"})
            ]
        );
    }

    #[test]
    fn python_reprs() {
        assert_eq!(repr(&json!("it's")), "\"it's\"");
        assert_eq!(repr(&json!("System.Object[]")), "'System.Object[]'");
        assert_eq!(repr(&json!(false)), "False");
        assert_eq!(py_str(None), "None");
    }
}
