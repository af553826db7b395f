//! `steward-overlay.yaml`: what no export can say (owners, labels, service models),
//! applied to imported documents by kind, name glob and identifier glob.

use std::cell::RefCell;
use std::path::Path;

use serde_json::Value;

use super::document::{ANNOTATION_OVERLAY, Document, KINDS};
use super::json::Object;
use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;
use crate::inventory::parse;
use crate::inventory::source_map::{SourceMap, push_token};

const SERVICE_MODELS: [&str; 4] = ["onprem", "iaas", "paas", "saas"];

#[derive(Debug, Clone)]
struct Entry {
    kind: Option<String>,
    name: Option<String>,
    id: Option<String>,
    owner: Option<Value>,
    labels: Option<Object>,
    service_model: Option<Value>,
}

/// A parsed, valid overlay. It records which entries matched a document (interior
/// mutability, so one overlay can serve several imports through `&Overlay`);
/// [`Overlay::unused`] reports the others once every import has run.
#[derive(Debug)]
pub struct Overlay {
    /// The file's base name, as `steward.dev/overlay` annotations and notes name it.
    name: String,
    entries: Vec<Entry>,
    used: RefCell<Vec<bool>>,
}

impl Overlay {
    /// Reads steward-overlay.yaml; errors name file:line:column where possible.
    pub fn load(path: &Path) -> Result<Overlay, Vec<Diagnostic>> {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Overlay::parse(&shown, &text),
            Err(e) => Err(vec![Diagnostic::in_file(
                Stage::Usage,
                shown,
                format!("cannot read the overlay: {e}"),
            )]),
        }
    }

    /// Parses overlay text; `shown` is the path errors name (its base name is the
    /// name annotations and notes use).
    pub fn parse(shown: &str, text: &str) -> Result<Overlay, Vec<Diagnostic>> {
        let name = match Path::new(shown).file_name() {
            Some(n) => n.to_string_lossy().into_owned(),
            None => shown.to_owned(),
        };
        let parsed = match parse::parse(text) {
            Ok(parsed) => parsed,
            Err(e) => {
                return Err(vec![Diagnostic::at(
                    Stage::Usage,
                    Location {
                        file: shown.to_owned(),
                        line: e.line.unwrap_or(1),
                        column: e.column.unwrap_or(1),
                    },
                    format!("invalid YAML: {}", e.message),
                )]);
            }
        };
        let map = SourceMap::build(text);
        let mut documents = parsed.documents.into_iter();
        let Some((index, value)) = documents.next() else {
            return Err(vec![Diagnostic::in_file(
                Stage::Usage,
                shown,
                "the overlay is empty: expected apiVersion: steward/v1, kind: Overlay and entries",
            )]);
        };
        let mut checker = Checker {
            shown,
            map: &map,
            document: index,
            errors: Vec::new(),
        };
        if let Some((second, _)) = documents.next() {
            checker.document = second;
            checker.error(
                "",
                "an overlay is one YAML document; this is a second one".to_owned(),
            );
            checker.document = index;
        }
        let entries = checker.overlay(&value);
        if !checker.errors.is_empty() {
            return Err(checker.errors);
        }
        let used = RefCell::new(vec![false; entries.len()]);
        Ok(Overlay { name, entries, used })
    }

    /// Applies every matching entry to each document, in file order (a later owner
    /// or service model replaces an earlier one, labels merge key by key), records
    /// the entries applied in `steward.dev/overlay`, and remembers them as used.
    pub(crate) fn apply(&self, docs: &mut [Document]) {
        let mut used = self.used.borrow_mut();
        for doc in docs.iter_mut() {
            let mut applied: Vec<usize> = Vec::new();
            let id = doc.match_id();
            for (i, entry) in self.entries.iter().enumerate() {
                if let Some(kind) = &entry.kind
                    && kind != doc.kind
                {
                    continue;
                }
                if let Some(pattern) = &entry.name
                    && !glob(pattern, Some(&doc.name))
                {
                    continue;
                }
                if let Some(pattern) = &entry.id
                    && !glob(pattern, id.as_deref())
                {
                    continue;
                }
                applied.push(i + 1);
                if let Some(flag) = used.get_mut(i) {
                    *flag = true;
                }
                if let Some(owner) = &entry.owner {
                    doc.owner = Some(owner.clone());
                }
                if let Some(labels) = &entry.labels {
                    let target = doc.labels.get_or_insert_with(Object::new);
                    for (k, v) in labels {
                        target.insert(k.clone(), v.clone());
                    }
                }
                if let Some(model) = &entry.service_model {
                    doc.spec.insert("serviceModel".to_owned(), model.clone());
                }
            }
            if !applied.is_empty() {
                let word = if applied.len() == 1 { "entry" } else { "entries" };
                let numbers: Vec<String> = applied.iter().map(ToString::to_string).collect();
                doc.annotations.insert(
                    ANNOTATION_OVERLAY.to_owned(),
                    format!("{} {word} {}", self.name, numbers.join(", ")),
                );
            }
        }
    }

    /// Warnings for entries that matched nothing, after imports ran (the prototype warns).
    pub fn unused(&self) -> Vec<String> {
        let used = self.used.borrow();
        let mut out = Vec::new();
        for i in 0..self.entries.len() {
            if !used.get(i).copied().unwrap_or(false) {
                out.push(format!(
                    "{}: entry {} matches no imported document",
                    self.name,
                    i + 1
                ));
            }
        }
        out
    }
}

/// Validation with positions.
struct Checker<'a> {
    shown: &'a str,
    map: &'a SourceMap,
    document: usize,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, pointer: &str, message: String) {
        let (line, column) = match self.map.locate(self.document, pointer) {
            Some((p, _)) => (p.line, p.column),
            None => (1, 1),
        };
        self.errors.push(Diagnostic::at(
            Stage::Usage,
            Location {
                file: self.shown.to_owned(),
                line,
                column,
            },
            message,
        ));
    }

    fn overlay(&mut self, value: &Value) -> Vec<Entry> {
        let mut entries = Vec::new();
        let Some(top) = value.as_object() else {
            self.error(
                "",
                "expected a mapping with apiVersion, kind and entries".to_owned(),
            );
            return entries;
        };
        for key in top.keys() {
            if !matches!(key.as_str(), "apiVersion" | "kind" | "entries") {
                self.error(
                    &push_token("", key),
                    format!("unknown key `{key}` (expected apiVersion, kind, entries)"),
                );
            }
        }
        match top.get("apiVersion") {
            Some(Value::String(s)) if s == "steward/v1" => {}
            Some(_) => self.error("/apiVersion", "apiVersion must be steward/v1".to_owned()),
            None => self.error("", "apiVersion is missing (steward/v1)".to_owned()),
        }
        match top.get("kind") {
            Some(Value::String(s)) if s == "Overlay" => {}
            Some(_) => self.error("/kind", "kind must be Overlay".to_owned()),
            None => self.error("", "kind is missing (Overlay)".to_owned()),
        }
        match top.get("entries") {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let pointer = push_token("/entries", &i.to_string());
                    if let Some(entry) = self.entry(&pointer, item) {
                        entries.push(entry);
                    }
                }
            }
            Some(Value::Null) | None => self.error("", "entries is missing (a list)".to_owned()),
            Some(_) => self.error("/entries", "entries must be a list".to_owned()),
        }
        entries
    }

    fn entry(&mut self, pointer: &str, value: &Value) -> Option<Entry> {
        let Some(map) = value.as_object() else {
            self.error(
                pointer,
                "an entry must be a mapping with match and owner, labels or serviceModel".to_owned(),
            );
            return None;
        };
        let errors_before = self.errors.len();
        let mut entry = Entry {
            kind: None,
            name: None,
            id: None,
            owner: None,
            labels: None,
            service_model: None,
        };
        for key in map.keys() {
            if !matches!(key.as_str(), "match" | "owner" | "labels" | "serviceModel") {
                self.error(
                    &push_token(pointer, key),
                    format!("unknown key `{key}` (expected match, owner, labels, serviceModel)"),
                );
            }
        }
        let match_pointer = push_token(pointer, "match");
        match map.get("match") {
            Some(Value::Object(m)) => {
                for (key, v) in m {
                    let at = push_token(&match_pointer, key);
                    let text = match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    };
                    match (key.as_str(), text) {
                        ("kind", Some(kind)) => {
                            if KINDS.contains(&kind.as_str()) {
                                entry.kind = Some(kind);
                            } else {
                                self.error(
                                    &at,
                                    format!("unknown kind `{kind}` (expected one of {})", KINDS.join(", ")),
                                );
                            }
                        }
                        ("name", Some(glob)) => entry.name = Some(glob),
                        ("id", Some(glob)) => entry.id = Some(glob),
                        ("kind" | "name" | "id", None) => {
                            self.error(&at, format!("match.{key} must be a string"))
                        }
                        _ => self.error(
                            &at,
                            format!("unknown key `{key}` in match (expected kind, name, id)"),
                        ),
                    }
                }
                if m.is_empty() {
                    self.error(
                        &match_pointer,
                        "match needs at least one of kind, name and id".to_owned(),
                    );
                }
            }
            Some(_) => self.error(
                &match_pointer,
                "match must be a mapping of kind, name and id".to_owned(),
            ),
            None => self.error(pointer, "an entry needs match (kind, name or id)".to_owned()),
        }
        match map.get("owner") {
            None => {}
            Some(Value::String(s)) if !s.is_empty() => entry.owner = Some(Value::String(s.clone())),
            Some(_) => self.error(
                &push_token(pointer, "owner"),
                "owner must be a non-empty string".to_owned(),
            ),
        }
        match map.get("labels") {
            None => {}
            Some(Value::Object(labels)) => {
                let mut ok = true;
                for (key, v) in labels {
                    if !(v.is_string() || v.is_number() || v.is_boolean()) {
                        let at = push_token(&push_token(pointer, "labels"), key);
                        self.error(&at, format!("label `{key}` must be a string, number or boolean"));
                        ok = false;
                    }
                }
                if ok {
                    entry.labels = Some(labels.clone());
                }
            }
            Some(_) => self.error(
                &push_token(pointer, "labels"),
                "labels must be a mapping".to_owned(),
            ),
        }
        match map.get("serviceModel") {
            None => {}
            Some(Value::String(s)) if SERVICE_MODELS.contains(&s.as_str()) => {
                entry.service_model = Some(Value::String(s.clone()));
            }
            Some(_) => self.error(
                &push_token(pointer, "serviceModel"),
                format!("serviceModel must be one of {}", SERVICE_MODELS.join(", ")),
            ),
        }
        if self.errors.len() > errors_before {
            None
        } else {
            Some(entry)
        }
    }
}

/// A glob as Python's `fnmatch` reads it (`*` any run of characters including `/`,
/// `?` one character, `[...]` a set, `[!...]` its complement), ignoring case.
pub(crate) fn glob(pattern: &str, value: Option<&str>) -> bool {
    let Some(value) = value else {
        return false;
    };
    let tokens = compile(&pattern.to_lowercase());
    let text: Vec<char> = value.to_lowercase().chars().collect();
    matches(&tokens, &text)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Star,
    One,
    Set { negate: bool, ranges: Vec<(char, char)> },
    Literal(char),
}

impl Token {
    fn accepts(&self, c: char) -> bool {
        match self {
            Token::Star | Token::One => true,
            Token::Literal(l) => *l == c,
            Token::Set { negate, ranges } => {
                let inside = ranges.iter().any(|(lo, hi)| *lo <= c && c <= *hi);
                inside != *negate
            }
        }
    }
}

fn compile(pattern: &str) -> Vec<Token> {
    let chars: Vec<char> = pattern.chars().collect();
    let n = chars.len();
    let mut tokens = Vec::new();
    let mut i = 0usize;
    while i < n {
        let c = chars[i];
        i += 1;
        match c {
            '*' => {
                if tokens.last() != Some(&Token::Star) {
                    tokens.push(Token::Star);
                }
            }
            '?' => tokens.push(Token::One),
            '[' => {
                let mut j = i;
                if j < n && chars[j] == '!' {
                    j += 1;
                }
                if j < n && chars[j] == ']' {
                    j += 1;
                }
                while j < n && chars[j] != ']' {
                    j += 1;
                }
                if j >= n {
                    tokens.push(Token::Literal('['));
                    continue;
                }
                let mut body: &[char] = &chars[i..j];
                let mut negate = false;
                if body.first() == Some(&'!') {
                    negate = true;
                    body = &body[1..];
                }
                let mut ranges = Vec::new();
                let mut k = 0usize;
                while k < body.len() {
                    let lo = body[k];
                    if k + 2 < body.len() && body[k + 1] == '-' {
                        let hi = body[k + 2];
                        if lo <= hi {
                            ranges.push((lo, hi));
                        }
                        k += 3;
                    } else {
                        ranges.push((lo, lo));
                        k += 1;
                    }
                }
                tokens.push(Token::Set { negate, ranges });
                i = j + 1;
            }
            other => tokens.push(Token::Literal(other)),
        }
    }
    tokens
}

/// Wildcard matching with backtracking to the last `*`.
fn matches(tokens: &[Token], text: &[char]) -> bool {
    let mut t = 0usize;
    let mut s = 0usize;
    let mut star: Option<(usize, usize)> = None;
    while s < text.len() {
        if let Some(token) = tokens.get(t) {
            if *token == Token::Star {
                star = Some((t + 1, s));
                t += 1;
                continue;
            }
            if token.accepts(text[s]) {
                t += 1;
                s += 1;
                continue;
            }
        }
        match star {
            Some((after, from)) => {
                t = after;
                s = from + 1;
                star = Some((after, from + 1));
            }
            None => return false,
        }
    }
    while tokens.get(t) == Some(&Token::Star) {
        t += 1;
    }
    t == tokens.len()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn globs_ignore_case_and_star_crosses_slashes() {
        assert!(glob(
            "*/providers/Microsoft.Storage/storageAccounts/*",
            Some("/subscriptions/x/resourceGroups/rg/providers/microsoft.storage/storageaccounts/st1")
        ));
        assert!(glob("fabrikam-*", Some("fabrikam-production")));
        assert!(!glob("fabrikam-*", Some("contoso-production")));
        assert!(glob("*6a0d2f4b", Some("Default-6A0D2F4B")));
        assert!(glob("st-retired-?", Some("st-retired-1")));
        assert!(!glob("st-retired-?", Some("st-retired-12")));
        assert!(glob("v[0-9]", Some("v7")));
        assert!(glob("v[!0-9]", Some("vx")));
        assert!(glob("a[b", Some("a[b")));
        assert!(glob("731902465518", Some("731902465518")));
        assert!(!glob("*", None));
        assert!(glob("*", Some("")));
    }

    #[test]
    fn a_valid_overlay_parses() {
        let text = "apiVersion: steward/v1\nkind: Overlay\nentries:\n  - match: {kind: Subscription, name: \"fabrikam-*\"}\n    owner: cloud-platform\n    serviceModel: paas\n  - match: {id: \"*/rg-clinical/*\"}\n    labels: {data: phi}\n";
        let overlay = Overlay::parse("dir/steward-overlay.yaml", text).unwrap();
        assert_eq!(overlay.entries.len(), 2);
        assert_eq!(overlay.unused().len(), 2);
        assert_eq!(
            overlay.unused()[0],
            "steward-overlay.yaml: entry 1 matches no imported document"
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "apiVersion: steward/v1\nkind: Overlay\nentries:\n  - match: {kind: Subscriptions}\n    owner: x\n  - match: {name: a}\n    colour: blue\n    serviceModel: cloud\n";
        let errors = Overlay::parse("steward-overlay.yaml", text).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{shown:?}");
        assert!(shown[0].starts_with("steward-overlay.yaml:4:"), "{shown:?}");
        assert!(shown[0].contains("unknown kind `Subscriptions`"), "{shown:?}");
        assert!(
            shown[1].starts_with("steward-overlay.yaml:7:5: unknown key `colour`"),
            "{shown:?}"
        );
        assert!(
            shown[2].starts_with("steward-overlay.yaml:8:5: serviceModel must be"),
            "{shown:?}"
        );
    }

    #[test]
    fn an_entry_without_match_is_an_error() {
        let text = "apiVersion: steward/v1\nkind: Overlay\nentries:\n  - owner: x\n";
        let errors = Overlay::parse("o.yaml", text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("needs match"), "{errors:?}");
    }

    #[test]
    fn entries_apply_in_order_and_are_recorded() {
        let text = "apiVersion: steward/v1\nkind: Overlay\nentries:\n  - match: {kind: Subscription}\n    owner: a\n    labels: {x: 1}\n  - match: {id: \"/subscriptions/ABC\"}\n    owner: b\n    labels: {y: two}\n    serviceModel: iaas\n  - match: {kind: Tenant}\n    owner: c\n";
        let overlay = Overlay::parse("steward-overlay.yaml", text).unwrap();
        let mut doc = Document::new("Subscription", "s", "azure");
        doc.spec
            .insert("subscriptionId".to_owned(), Value::String("abc".to_owned()));
        let mut docs = vec![doc];
        overlay.apply(&mut docs);
        let doc = &docs[0];
        assert_eq!(doc.owner, Some(Value::String("b".to_owned())));
        assert_eq!(doc.labels.as_ref().map(|l| l.len()), Some(2));
        assert_eq!(
            doc.spec.get("serviceModel"),
            Some(&Value::String("iaas".to_owned()))
        );
        assert_eq!(
            doc.annotations.get(ANNOTATION_OVERLAY).map(String::as_str),
            Some("steward-overlay.yaml entries 1, 2")
        );
        assert_eq!(
            overlay.unused(),
            vec!["steward-overlay.yaml: entry 3 matches no imported document"]
        );
    }
}
